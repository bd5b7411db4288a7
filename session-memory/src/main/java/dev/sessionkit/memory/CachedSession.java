package dev.sessionkit.memory;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;

/**
 * What the cache holds for one session id: the session, and the instant at which the
 * cache expires the entry, which the session's deadline must never pass.
 * <p>
 * A change that keeps the session's deadline within {@link #SLACK_NANOS} before that
 * instant (the touch of a session accessed less than a second ago, a save that does not
 * move the deadline) replaces the state in place, without a cache write: the cache's
 * timer is already right. Any other change goes through the cache's atomic compute for
 * the id, which also sets a new expiry instant; so does removal, which leaves no state.
 */
final class CachedSession {

	/**
	 * How far past a session's deadline the cache may expire it, one second: the span in
	 * which touches and saves need no cache write.
	 */
	static final long SLACK_NANOS = 1_000_000_000L;

	private static final long NEVER = Long.MAX_VALUE;

	private final AtomicReference<@Nullable State> state;

	private CachedSession(StoredSession session) {
		this.state = new AtomicReference<>(new State(session, expiryOf(session)));
	}

	/** A new entry for a session that the cache will expire within the slack. */
	static CachedSession of(StoredSession session) {
		return new CachedSession(session);
	}

	/** The session, or {@code null} once removed. */
	@Nullable StoredSession session() {
		State current = this.state.get();
		return (current != null) ? current.session : null;
	}

	/**
	 * The epoch nanosecond at which the cache expires this entry; 0 once removed, which
	 * the cache never asks of an entry it still holds.
	 */
	long expiryNanos() {
		State current = this.state.get();
		return (current != null) ? current.expiryNanos : 0;
	}

	/**
	 * Replaces the session without a cache write, if it is still {@code expected} and the
	 * replacement's deadline falls within the slack before the cache's expiry.
	 * @return {@code false} if the session changed meanwhile, was removed, or needs the
	 * cache to move its expiry
	 */
	boolean replaceInPlace(StoredSession expected, StoredSession replacement) {
		State current = this.state.get();
		if (current == null || current.session != expected) {
			return false;
		}
		long deadline = deadlineNanos(replacement);
		boolean covered = (current.expiryNanos == NEVER) ? deadline == NEVER
				: deadline <= current.expiryNanos && deadline >= current.expiryNanos - SLACK_NANOS;
		return covered && this.state.compareAndSet(current, new State(replacement, current.expiryNanos));
	}

	/**
	 * Replaces the session and sets a new expiry for it; call only inside the cache's
	 * compute for this id, which then reads the expiry.
	 * @return {@code false} if the session changed meanwhile or was removed
	 */
	boolean replace(StoredSession expected, StoredSession replacement) {
		State current = this.state.get();
		return current != null && current.session == expected
				&& this.state.compareAndSet(current, new State(replacement, expiryOf(replacement)));
	}

	/**
	 * Removes the session, whatever it is now; call only inside the cache's compute for
	 * this id, or in its eviction listener.
	 * @return the session as it was last, or {@code null} if already removed
	 */
	@Nullable StoredSession remove() {
		State last = this.state.getAndSet(null);
		return (last != null) ? last.session : null;
	}

	/**
	 * Removes the session if it is still {@code expected}, which an in-place change may
	 * have replaced meanwhile; call only inside the cache's compute for this id.
	 * @return whether it was removed
	 */
	boolean remove(StoredSession expected) {
		State current = this.state.get();
		return current != null && current.session == expected && this.state.compareAndSet(current, null);
	}

	private static long expiryOf(StoredSession session) {
		long deadline = deadlineNanos(session);
		return (deadline >= NEVER - SLACK_NANOS) ? NEVER : deadline + SLACK_NANOS;
	}

	/** The session's deadline in epoch nanoseconds; {@link #NEVER} when it has none. */
	private static long deadlineNanos(StoredSession session) {
		Instant deadline = session.deadline();
		return (deadline != null) ? epochNanos(deadline) : NEVER;
	}

	/** Epoch nanoseconds, saturated: instants past the year 2262 count as never. */
	static long epochNanos(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds >= NEVER / 1_000_000_000L) {
			return NEVER;
		}
		if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
			return Long.MIN_VALUE;
		}
		return seconds * 1_000_000_000L + instant.getNano();
	}

	private record State(StoredSession session, long expiryNanos) {
	}

}
