package dev.sessionkit.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code redis://} or {@code rediss://} URL, as hosting platforms hand them out:
 * {@code redis://[[user]:password@]host[:port][/database]}. User information without a
 * colon is a password, as in {@code redis-cli}.
 *
 * @param ssl whether the scheme asks for TLS
 * @param username the ACL user name, if any
 * @param password the password, if any
 * @param host the host
 * @param port the port, 6379 unless given
 * @param database the database index, if the path names one
 */
record RedisUrl(boolean ssl, @Nullable String username, @Nullable String password, String host, int port,
		@Nullable Integer database) {

	private static final String PROPERTY = "sessionkit.redis.url";

	private static final String EXPECTED = "Expected redis://[user:password@]host[:port][/database], or rediss:// for TLS.";

	static RedisUrl parse(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw invalid(url, "It is not a URL. " + EXPECTED);
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
			throw invalid(url, "Its scheme must be redis or rediss. " + EXPECTED);
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw invalid(url, "It names no host. " + EXPECTED);
		}
		String username = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			if (colon < 0) {
				password = decode(userInfo);
			}
			else {
				username = decode(userInfo.substring(0, colon));
				password = decode(userInfo.substring(colon + 1));
			}
		}
		return new RedisUrl(scheme.equals("rediss"), emptyToNull(username), emptyToNull(password), host,
				(uri.getPort() < 0) ? 6379 : uri.getPort(), database(url, uri.getPath()));
	}

	/** The address as Redisson takes it: scheme, host and port, no credentials. */
	String address() {
		return (this.ssl ? "rediss://" : "redis://") + this.host + ":" + this.port;
	}

	private static @Nullable Integer database(String url, @Nullable String path) {
		if (path == null || path.isEmpty() || path.equals("/")) {
			return null;
		}
		try {
			int database = Integer.parseInt(path.substring(1));
			if (database >= 0) {
				return database;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid(url, "Its path must be a database number, such as /0. " + EXPECTED);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	/**
	 * A failure that shows the URL with its password masked: Spring Boot's own report of
	 * an invalid property would print the raw value.
	 */
	private static RedisSetupException invalid(String url, String reason) {
		return new RedisSetupException(
				"Invalid " + PROPERTY + " (or REDIS_URL): " + Descriptions.url(url) + ". " + reason,
				"Set " + PROPERTY + " or REDIS_URL to a URL such as redis://default:password@localhost:6379/0.", null);
	}

}
