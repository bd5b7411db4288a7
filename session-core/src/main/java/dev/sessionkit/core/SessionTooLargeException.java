package dev.sessionkit.core;

/**
 * Thrown when a save would make a session larger than the configured maximum. The stored
 * session is left as it was.
 */
public class SessionTooLargeException extends IllegalStateException {

	private final long size;

	private final long maxSize;

	SessionTooLargeException(long size, long maxSize, String largestAttribute) {
		super("Session would be " + size + " bytes, over the maximum of " + maxSize
				+ " bytes (sessionkit.max-session-size); largest attribute: '" + largestAttribute + "'");
		this.size = size;
		this.maxSize = maxSize;
	}

	/**
	 * Returns the encoded size the session would have had.
	 * @return the size in bytes
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * Returns the configured maximum.
	 * @return the maximum in bytes
	 */
	public long getMaxSize() {
		return this.maxSize;
	}

}
