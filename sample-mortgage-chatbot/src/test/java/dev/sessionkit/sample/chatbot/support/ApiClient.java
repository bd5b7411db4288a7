package dev.sessionkit.sample.chatbot.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the chatbot's JSON API over real HTTP that keeps the session the way a
 * browser would: the {@code SESSION} cookie from {@code Set-Cookie} (whatever its
 * {@code Secure} flag, since tests speak plain HTTP to 127.0.0.1), and optionally the
 * {@code X-Auth-Token} header.
 */
public final class ApiClient {

	/** Name of the session cookie. */
	public static final String COOKIE = "SESSION";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private boolean sendCookie = true;

	private boolean sendToken;

	private @Nullable String cookie;

	private @Nullable String token;

	/**
	 * Creates a client of the API at a base URL.
	 * @param baseUrl such as {@code http://127.0.0.1:8080}
	 */
	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Creates a client of the API on a port of 127.0.0.1.
	 * @param port the port
	 * @return the client
	 */
	public static ApiClient onPort(int port) {
		return new ApiClient("http://127.0.0.1:" + port);
	}

	/**
	 * Sends a header with every request, such as {@code Origin}.
	 * @param name the header
	 * @param value its value
	 * @return this client
	 */
	public ApiClient header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Carries the session in the {@code X-Auth-Token} header only, as a browser that
	 * blocks third-party cookies would.
	 * @return this client
	 */
	public ApiClient tokenOnly() {
		this.sendCookie = false;
		this.sendToken = true;
		return this;
	}

	/**
	 * Returns the session cookie's value, if the server set one.
	 * @return the value, Base64 of the session id
	 */
	public @Nullable String cookie() {
		return this.cookie;
	}

	/**
	 * Replaces the session cookie, as a browser with an old or forged cookie would send.
	 * @param value the cookie value, or {@code null} for none
	 * @return this client
	 */
	public ApiClient cookie(@Nullable String value) {
		this.cookie = value;
		return this;
	}

	/**
	 * Returns the last {@code X-Auth-Token} the server sent.
	 * @return the token, the raw session id
	 */
	public @Nullable String token() {
		return this.token;
	}

	/**
	 * Replaces the {@code X-Auth-Token} sent.
	 * @param value the token, or {@code null} for none
	 * @return this client
	 */
	public ApiClient token(@Nullable String value) {
		this.token = value;
		return this;
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, @Nullable String json) {
		return send("POST", path, json);
	}

	public Response put(String path, String json) {
		return send("PUT", path, json);
	}

	public Response patch(String path, String json) {
		return send("PATCH", path, json);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/**
	 * Sends a message to the chatbot.
	 * @param message the message
	 * @return the response
	 */
	public Response chat(String message) {
		return post("/api/chat", JSON.writeValueAsString(Map.of("message", message)));
	}

	/**
	 * Sends a request with extra headers, such as a CORS preflight.
	 * @param method the method
	 * @param path the path
	 * @param json the JSON body, or {@code null}
	 * @param extraHeaders name, value, name, value...
	 * @return the response
	 */
	public Response send(String method, String path, @Nullable String json, String... extraHeaders) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		this.headers.forEach(request::header);
		for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
			request.header(extraHeaders[i], extraHeaders[i + 1]);
		}
		if (this.sendCookie && this.cookie != null) {
			request.header("Cookie", COOKIE + "=" + this.cookie);
		}
		if (this.sendToken && this.token != null) {
			request.header("X-Auth-Token", this.token);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		remember(response);
		return new Response(response.statusCode(), response.headers().map(), response.body());
	}

	private void remember(HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			if (header.startsWith(COOKIE + "=")) {
				String value = header.substring(COOKIE.length() + 1, header.indexOf(';'));
				this.cookie = (value.isEmpty() || header.contains("Max-Age=0")) ? null : value;
			}
		}
		response.headers().firstValue("X-Auth-Token").ifPresent((value) -> this.token = value.isEmpty() ? null : value);
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param headers the headers, by lower-case name
	 * @param body the body
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		/**
		 * Returns the body as JSON.
		 * @return the JSON
		 */
		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/**
		 * Returns the first value of a header.
		 * @param name the header, any case
		 * @return the value, or {@code null}
		 */
		public @Nullable String header(String name) {
			List<String> values = headers(name);
			return values.isEmpty() ? null : values.get(0);
		}

		/**
		 * Returns every value of a header.
		 * @param name the header, any case
		 * @return the values
		 */
		public List<String> headers(String name) {
			for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					return entry.getValue();
				}
			}
			return List.of();
		}

		/**
		 * Returns the {@code Set-Cookie} header of the session cookie.
		 * @return the header, or {@code null} if the response sets none
		 */
		public @Nullable String sessionCookie() {
			return headers("Set-Cookie").stream()
				.filter((value) -> value.startsWith(COOKIE + "="))
				.findFirst()
				.orElse(null);
		}

	}

}
