package dev.sessionkit.sample.chatbot.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A frontend hosted on another origin, as in split-frontend mode: serves the sample's own
 * page and assets from 127.0.0.1 on a port of its own, with
 * {@code window.SESSIONKIT_API_BASE} pointing at the API.
 */
final class StaticSite implements AutoCloseable {

	private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
			"text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

	private final HttpServer server;

	private final String settings;

	private StaticSite(HttpServer server, String settings) {
		this.server = server;
		this.settings = settings;
	}

	/**
	 * Starts serving the page.
	 * @param apiBase the API's origin, such as {@code http://localhost:8080}
	 * @return the running site
	 */
	static StaticSite start(String apiBase) {
		return start(apiBase, null);
	}

	/**
	 * Starts serving the page.
	 * @param apiBase the API's origin, such as {@code http://localhost:8080}
	 * @param credentials the page's {@code SESSIONKIT_CREDENTIALS}, such as {@code omit},
	 * or {@code null} for its default
	 * @return the running site
	 */
	static StaticSite start(String apiBase, @Nullable String credentials) {
		String settings = "window.SESSIONKIT_API_BASE = '" + apiBase + "';"
				+ ((credentials != null) ? " window.SESSIONKIT_CREDENTIALS = '" + credentials + "';" : "");
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			StaticSite site = new StaticSite(server, settings);
			server.createContext("/", site::serve);
			server.start();
			return site;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the site's origin, {@code http://127.0.0.1:<port>}.
	 */
	String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String name = path.equals("/") ? "index.html" : path.substring(1);
		try (exchange; InputStream resource = getClass().getResourceAsStream("/static/" + name)) {
			if (resource == null || name.contains("..")) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = resource.readAllBytes();
			if (name.equals("index.html")) {
				String page = new String(body, StandardCharsets.UTF_8).replace("<script src=\"app.js\">",
						"<script>" + this.settings + "</script>\n<script src=\"app.js\">");
				body = page.getBytes(StandardCharsets.UTF_8);
			}
			String extension = name.substring(name.lastIndexOf('.') + 1);
			exchange.getResponseHeaders()
				.set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
