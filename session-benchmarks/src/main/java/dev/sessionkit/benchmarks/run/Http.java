package dev.sessionkit.benchmarks.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.sessionkit.benchmarks.stores.RedisTraffic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The driver's HTTP calls to a benchmark application, one at a time: creating sessions,
 * the requests of the exact counts, and the application's own counters.
 */
final class Http {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	/**
	 * Starts a session with the payload.
	 * @return its cookie, {@code SESSION=...}
	 */
	String newSession() {
		HttpResponse<String> response = send("GET", "/new", null);
		String setCookie = response.headers()
			.firstValue("set-cookie")
			.orElseThrow(() -> new IllegalStateException("No session cookie from port " + this.port));
		return setCookie.split(";", 2)[0];
	}

	/**
	 * Sends a request with a session cookie and checks that it succeeded.
	 * @param method GET or POST
	 * @param path the path
	 * @param cookie the session cookie
	 */
	void call(String method, String path, String cookie) {
		send(method, path, cookie);
	}

	RedisTraffic.Counts traffic() {
		return mapper.readValue(send("GET", "/bench/traffic", null).body(), RedisTraffic.Counts.class);
	}

	void resetTraffic() {
		send("POST", "/bench/traffic/reset", null);
	}

	long cpuNanos() {
		return Long.parseLong(send("GET", "/bench/cpu", null).body().trim());
	}

	/** The milliseconds the application's JIT compilers have spent so far. */
	long jitMillis() {
		return Long.parseLong(send("GET", "/bench/jit", null).body().trim());
	}

	boolean ready() {
		try {
			return this.client
				.send(HttpRequest.newBuilder(uri("/bench/cpu")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpResponse<String> send(String method, String path, @Nullable String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
		request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(method + " " + path + " on port " + this.port + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " on port " + this.port + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
