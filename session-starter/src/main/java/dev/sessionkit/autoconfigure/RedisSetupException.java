package dev.sessionkit.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when the Redis store cannot be set up: a malformed URL, or a Redis
 * that does not answer. Its messages never contain a password.
 */
class RedisSetupException extends IllegalStateException {

	private final String action;

	RedisSetupException(String description, String action, @Nullable Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
