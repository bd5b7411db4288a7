package dev.sessionkit.core.spi;

/**
 * The outcome of {@link SessionStore#save}.
 */
public enum SaveResult {

	/** A new session was stored. */
	CREATED,

	/** The changes were applied to the stored session. */
	UPDATED,

	/** The session is no longer stored; nothing was written. */
	GONE

}
