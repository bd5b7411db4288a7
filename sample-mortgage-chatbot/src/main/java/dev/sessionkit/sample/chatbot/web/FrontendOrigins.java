package dev.sessionkit.sample.chatbot.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The exact origins of a frontend hosted elsewhere, read from {@code FRONTEND_URL}:
 * comma-separated {@code scheme://host[:port]}, never a wildcard.
 *
 * @param origins the origins, such as {@code https://app.example.com}
 */
record FrontendOrigins(List<String> origins) {

	static final String PROPERTY = "chatbot.frontend-url";

	FrontendOrigins {
		origins = List.copyOf(origins);
	}

	/**
	 * Reads a comma-separated list of origins; a trailing slash is ignored.
	 * @param value the list, as in {@code FRONTEND_URL}
	 * @return the origins, at least one
	 * @throws InvalidConfigurationPropertyValueException if an entry is not an exact
	 * http(s) origin
	 */
	static FrontendOrigins parse(String value) {
		List<String> origins = new ArrayList<>();
		for (String entry : value.split(",")) {
			String candidate = entry.strip();
			if (candidate.isEmpty()) {
				continue;
			}
			origins.add(origin(value, candidate));
		}
		if (origins.isEmpty()) {
			throw invalid(value, "It names no origin.");
		}
		return new FrontendOrigins(origins);
	}

	private static String origin(String value, String candidate) {
		if (candidate.contains("*")) {
			throw invalid(value,
					"Wildcards are not allowed: list each origin exactly, such as https://app.example.com.");
		}
		String trimmed = candidate.endsWith("/") ? candidate.substring(0, candidate.length() - 1) : candidate;
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw invalid(value, "'" + candidate + "' is not a URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean exact = uri.getHost() != null && uri.getRawUserInfo() == null
				&& (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
				&& uri.getRawFragment() == null;
		if (!(scheme.equals("http") || scheme.equals("https")) || !exact) {
			throw invalid(value, "'" + candidate
					+ "' is not an origin: give the scheme, host and port only, such as https://app.example.com.");
		}
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
				+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

	private static InvalidConfigurationPropertyValueException invalid(String value, String reason) {
		return new InvalidConfigurationPropertyValueException(PROPERTY, value,
				"FRONTEND_URL must list the frontend's exact origins, comma-separated. " + reason);
	}

}
