package dev.sessionkit.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Where a backend keeps sessions. Every operation is atomic for the session it names:
 * concurrent callers see either all of a change or none of it, and no operation brings
 * back a session that was deleted or has expired.
 * <p>
 * Attribute values arrive already encoded, or, for a store that
 * {@linkplain #acceptsHeapValues() accepts them}, in heap form; a store keeps them as
 * given and never interprets them. A store reports failures of its backend (a server
 * down, a timeout) as {@link SessionStoreException}.
 */
public interface SessionStore {

	/**
	 * Loads a live session and records {@code now} as its last access time, which slides
	 * its deadline, in one step. A store may skip the write when the recorded time is
	 * within {@link SessionDeadlines#TOUCH_TOLERANCE} of {@code now}
	 * ({@link StoredSession#touch} does).
	 * @param id the session id
	 * @param now the access time
	 * @return the session as it is after the touch, or {@code null} if there is none or
	 * it has expired (an expired session found here is removed and reported to the
	 * expiration listener)
	 */
	@Nullable StoredSession loadAndTouch(String id, Instant now);

	/**
	 * Applies changes to a stored session, or creates it, in one atomic step. A session
	 * that is not new and is no longer stored (deleted, expired, or moved to another id
	 * by a concurrent request) is left absent: the changes are not applied and
	 * {@link SaveResult#GONE} is returned.
	 * @param changes the changes
	 * @param now the time of the save, for expiry decisions
	 * @return what happened
	 */
	SaveResult save(SessionChanges changes, Instant now);

	/**
	 * Deletes a session. A session found expired is removed and reported to the
	 * expiration listener instead.
	 * @param id the session id
	 * @param now the time that decides whether the session is live
	 * @return the session as it was, or {@code null} if there was no live session
	 */
	@Nullable StoredSession delete(String id, Instant now);

	/**
	 * Finds the live sessions of a principal, without touching them.
	 * @param principalName the principal name
	 * @param now the time that decides which sessions are live
	 * @return the sessions, possibly empty
	 */
	List<StoredSession> findByPrincipalName(String principalName, Instant now);

	/**
	 * Removes sessions whose deadline has passed and reports each to the expiration
	 * listener, once. Stores that remove expired sessions by themselves may do so at
	 * other times too.
	 * @param now the current time
	 */
	void removeExpired(Instant now);

	/**
	 * Sets the listener told of each session that expired, exactly once per session.
	 * @param listener the listener
	 */
	void setExpirationListener(Consumer<StoredSession> listener);

	/**
	 * Whether this store keeps sessions in this JVM's heap and takes attribute values in
	 * {@linkplain AttributeValue#inHeap(Object) heap form}, which spares encoding and
	 * decoding them on every request. Default {@code false}: every value arrives encoded.
	 * A store that wraps another must answer as the wrapped store does.
	 * @return whether values may arrive in heap form
	 */
	default boolean acceptsHeapValues() {
		return false;
	}

	/**
	 * Whether this store, keeping sessions outside this JVM, also keeps the sessions it
	 * saved in this JVM (a near cache) and answers later loads that find them current
	 * with the {@link AttributeValue} objects it was given. The repository then gives
	 * encoded values their {@linkplain AttributeValue#encoded(String, Object) heap form}
	 * too, so that reading them again needs no decoding. Default {@code false}. A store
	 * that wraps another must answer as the wrapped store does.
	 * @return whether saved values come back as they were given
	 */
	default boolean keepsSavedValues() {
		return false;
	}

}
