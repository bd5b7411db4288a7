package dev.sessionkit.autoconfigure;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Short, log-safe descriptions of settings: durations and sizes as a person writes them,
 * and URLs with their password masked.
 */
final class Descriptions {

	private static final String MASK = "******";

	private Descriptions() {
	}

	/**
	 * Describes a session timeout, such as {@code 30m} or {@code 90s}; a negative one as
	 * never expiring.
	 */
	static String timeout(Duration timeout) {
		if (timeout.isNegative()) {
			return "none (sessions never expire)";
		}
		if (timeout.toMillis() % 1000 != 0) {
			return timeout.toMillis() + "ms";
		}
		long seconds = timeout.toSeconds();
		if (seconds != 0 && seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds != 0 && seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return seconds + "s";
	}

	/**
	 * Describes a size in the largest unit that divides it, such as {@code 256KB}.
	 */
	static String size(DataSize size) {
		long bytes = size.toBytes();
		if (bytes != 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + "MB";
		}
		if (bytes != 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + "KB";
		}
		return bytes + "B";
	}

	/**
	 * Returns a URL with the password of its user information masked; user information
	 * without a user name, as in {@code redis://secret@host}, is all password. Anything
	 * between the scheme and the last {@code @} counts as user information, so a password
	 * that contains {@code @} is still masked whole.
	 */
	static String url(String url) {
		int schemeEnd = url.indexOf("://");
		int userInfoStart = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int userInfoEnd = url.lastIndexOf('@');
		if (userInfoEnd < userInfoStart) {
			return url;
		}
		String userInfo = url.substring(userInfoStart, userInfoEnd);
		int colon = userInfo.indexOf(':');
		String masked = (colon >= 0) ? userInfo.substring(0, colon + 1) + MASK : MASK;
		return url.substring(0, userInfoStart) + masked + url.substring(userInfoEnd);
	}

}
