package dev.sessionkit.core;

import java.util.regex.Pattern;

/**
 * Rules for session ids as they arrive from clients: what a well-formed id looks like,
 * and how to show one in a log without disclosing it.
 */
final class SessionIds {

	/**
	 * URL-safe characters only, so that an id is safe in a Redis key (no hash-tag braces,
	 * no separators) and cannot be used to address another key.
	 */
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_\\-.~]{1,128}");

	private SessionIds() {
	}

	static boolean isWellFormed(String id) {
		return WELL_FORMED.matcher(id).matches();
	}

	/** A session id is a bearer secret: logs show its first characters only. */
	static String mask(String id) {
		return (id.length() <= 6) ? "***" : id.substring(0, 4) + "***";
	}

}
