package dev.sessionkit.core;

/**
 * Rules for session ids as they arrive from clients: what a well-formed id looks like,
 * and how to show one in a log without disclosing it.
 */
final class SessionIds {

	/**
	 * Longest id accepted; a generated id has 32 characters.
	 */
	private static final int MAX_LENGTH = 128;

	/**
	 * The URL-safe characters, by code: one load per character instead of a chain of
	 * tests.
	 */
	private static final boolean[] URL_SAFE = new boolean[128];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			URL_SAFE[c] = true;
			URL_SAFE[Character.toUpperCase(c)] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			URL_SAFE[c] = true;
		}
		for (char c : "-_.~".toCharArray()) {
			URL_SAFE[c] = true;
		}
	}

	private SessionIds() {
	}

	/**
	 * Whether an id has 1 to 128 URL-safe characters ({@code A-Z a-z 0-9 - _ . ~}), so
	 * that it is safe in a Redis key (no hash-tag braces, no separators) and cannot
	 * address another key. A loop, not a regular expression: it runs on every lookup.
	 */
	static boolean isWellFormed(String id) {
		int length = id.length();
		if (length == 0 || length > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			if (c >= URL_SAFE.length || !URL_SAFE[c]) {
				return false;
			}
		}
		return true;
	}

	/** A session id is a bearer secret: logs show its first characters only. */
	static String mask(String id) {
		return (id.length() <= 6) ? "***" : id.substring(0, 4) + "***";
	}

}
