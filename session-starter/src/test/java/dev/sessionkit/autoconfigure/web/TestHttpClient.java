package dev.sessionkit.autoconfigure.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP client over real sockets that keeps no cookies of its own: each request sends
 * exactly the session cookie a test gives it, so a test can also replay an old one.
 */
final class TestHttpClient {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String baseUrl;

	private final String cookieName;

	TestHttpClient(int port, String cookieName) {
		this.baseUrl = "http://localhost:" + port;
		this.cookieName = cookieName;
	}

	HttpResponse<String> get(String path, @Nullable String cookieValue) {
		return send(request(path, cookieValue).GET());
	}

	HttpResponse<String> postForm(String path, Map<String, String> form, @Nullable String cookieValue) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path, cookieValue).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Returns the session cookie a response sets, or {@code null} if it sets none.
	 */
	@Nullable SetCookie sessionCookie(HttpResponse<?> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			SetCookie cookie = SetCookie.parse(header);
			if (cookie.name().equals(this.cookieName)) {
				return cookie;
			}
		}
		return null;
	}

	private HttpRequest.Builder request(String path, @Nullable String cookieValue) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (cookieValue != null) {
			builder.header("Cookie", this.cookieName + "=" + cookieValue);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A {@code Set-Cookie} header.
	 *
	 * @param name the cookie name
	 * @param value the cookie value
	 * @param attributes the attributes by lower-case name; flags such as {@code httponly}
	 * have an empty value
	 */
	record SetCookie(String name, String value, Map<String, String> attributes) {

		static SetCookie parse(String header) {
			String[] parts = header.split(";");
			String[] nameValue = parts[0].trim().split("=", 2);
			Map<String, String> attributes = new LinkedHashMap<>();
			for (int i = 1; i < parts.length; i++) {
				String[] attribute = parts[i].trim().split("=", 2);
				attributes.put(attribute[0].toLowerCase(), (attribute.length > 1) ? attribute[1] : "");
			}
			return new SetCookie(nameValue[0], (nameValue.length > 1) ? nameValue[1] : "", attributes);
		}

		/**
		 * Returns the session id the cookie carries: Spring Session encodes it in Base64.
		 */
		String sessionId() {
			return new String(Base64.getDecoder().decode(this.value), StandardCharsets.UTF_8);
		}

	}

}
