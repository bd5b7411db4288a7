package dev.sessionkit.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a store's backend cannot serve a request: a server is unreachable, a
 * command timed out, or it answered with an error.
 */
public class SessionStoreException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param message what failed, without secrets
	 * @param cause the backend's exception, if any
	 */
	public SessionStoreException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
