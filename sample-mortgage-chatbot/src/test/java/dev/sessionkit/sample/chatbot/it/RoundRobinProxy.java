package dev.sessionkit.sample.chatbot.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer in front of several app instances: each request goes to the next
 * instance in turn, with no stickiness, so a user's session must follow them through the
 * shared store. Counts the API requests each instance served.
 */
final class RoundRobinProxy implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
			"host", "content-length", "expect", "te", "trailer", "proxy-connection");

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<Integer> backends;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicIntegerArray apiRequests;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private RoundRobinProxy(HttpServer server, ExecutorService executor, List<Integer> backends) {
		this.server = server;
		this.executor = executor;
		this.backends = List.copyOf(backends);
		this.apiRequests = new AtomicIntegerArray(backends.size());
	}

	/**
	 * Starts a proxy on a free port of 127.0.0.1.
	 * @param backendPorts the ports of the instances on 127.0.0.1
	 * @return the running proxy
	 */
	static RoundRobinProxy start(List<Integer> backendPorts) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			ExecutorService executor = Executors.newFixedThreadPool(4);
			RoundRobinProxy proxy = new RoundRobinProxy(server, executor, backendPorts);
			server.createContext("/", proxy::forward);
			server.setExecutor(executor);
			server.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Returns how many {@code /api/} requests an instance served.
	 * @param index the instance's index in the list given at start
	 */
	int apiRequests(int index) {
		return this.apiRequests.get(index);
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			int index = Math.floorMod(this.next.getAndIncrement(), this.backends.size());
			URI target = URI.create("http://127.0.0.1:" + this.backends.get(index) + exchange.getRequestURI());
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(target)
				.timeout(Duration.ofSeconds(30))
				.method(exchange.getRequestMethod(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
						: HttpRequest.BodyPublishers.noBody());
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> response;
			try {
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(502, -1);
				return;
			}
			if (exchange.getRequestURI().getPath().startsWith("/api/")) {
				this.apiRequests.incrementAndGet(index);
			}
			response.headers().map().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			exchange.getResponseHeaders().set("X-Served-By", "instance-" + index);
			byte[] payload = response.body();
			boolean empty = payload.length == 0 || response.statusCode() == 204 || response.statusCode() == 304;
			exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : payload.length);
			if (!empty) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(payload);
				}
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
