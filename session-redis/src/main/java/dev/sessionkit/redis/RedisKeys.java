package dev.sessionkit.redis;

/**
 * SessionKit's key scheme under one namespace, for example
 * {@code sessionkit:mortgage-chatbot:}:
 * <ul>
 * <li>{@code <ns>sessions:{<id>}}: a session's hash; the braces are a cluster hash tag,
 * so a session is always in one slot;</li>
 * <li>{@code <ns>expirations}: sorted set of session ids by a time at or before their
 * deadline, which the sweeper reads;</li>
 * <li>{@code <ns>principals:<name>}: set of the ids of a principal's sessions;</li>
 * <li>{@code <ns>sweeper}: the lock of the instance sweeping expired sessions.</li>
 * </ul>
 */
final class RedisKeys {

	private final String namespace;

	RedisKeys(String namespace) {
		if (namespace.contains("{") || namespace.contains("}")) {
			throw new IllegalArgumentException(
					"Key prefix '" + namespace + "' must not contain braces: they would change the cluster hash tag");
		}
		this.namespace = namespace;
	}

	String session(String id) {
		return this.namespace + "sessions:{" + id + "}";
	}

	String expirations() {
		return this.namespace + "expirations";
	}

	String principal(String name) {
		return this.namespace + "principals:" + name;
	}

	String sweeperLock() {
		return this.namespace + "sweeper";
	}

	/** A pattern that matches every key of this namespace, for tests and tooling. */
	String pattern() {
		return this.namespace + "*";
	}

}
