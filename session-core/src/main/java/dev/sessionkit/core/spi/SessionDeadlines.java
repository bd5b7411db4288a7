package dev.sessionkit.core.spi;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The expiry rule every backend applies: a session expires when its max inactive interval
 * has passed since its last access, exactly at that instant; a negative interval never
 * expires.
 */
public final class SessionDeadlines {

	/**
	 * How far a last access time may lag behind the latest access without being written
	 * again: a session used several times within a second is recorded once, and its
	 * deadline is never more than this earlier than the latest access would make it.
	 */
	public static final Duration TOUCH_TOLERANCE = Duration.ofSeconds(1);

	private static final long TOUCH_TOLERANCE_NANOS = TOUCH_TOLERANCE.toNanos();

	private SessionDeadlines() {
	}

	/**
	 * Whether an access at {@code now} moves the recorded last access time by
	 * {@link #TOUCH_TOLERANCE} or more, either way, so that it must be written.
	 * @param recorded the last access time as stored
	 * @param now the time of the access
	 * @return whether the access must be recorded
	 */
	public static boolean isTouchDue(Instant recorded, Instant now) {
		long seconds = now.getEpochSecond() - recorded.getEpochSecond();
		if (Math.abs(seconds) > TOUCH_TOLERANCE.getSeconds()) {
			return true;
		}
		long nanos = seconds * 1_000_000_000L + (now.getNano() - recorded.getNano());
		return Math.abs(nanos) >= TOUCH_TOLERANCE_NANOS;
	}

	/**
	 * Returns the instant a session expires.
	 * @param lastAccessedTime the last access time
	 * @param maxInactiveInterval the max inactive interval
	 * @return the deadline, or {@code null} if the session never expires
	 */
	public static @Nullable Instant deadline(Instant lastAccessedTime, Duration maxInactiveInterval) {
		if (maxInactiveInterval.isNegative()) {
			return null;
		}
		return lastAccessedTime.plus(maxInactiveInterval);
	}

	/**
	 * Whether a session has expired at the given time.
	 * @param lastAccessedTime the last access time
	 * @param maxInactiveInterval the max inactive interval
	 * @param now the time to judge at
	 * @return {@code true} if the deadline is at or before {@code now}
	 */
	public static boolean isExpired(Instant lastAccessedTime, Duration maxInactiveInterval, Instant now) {
		Instant deadline = deadline(lastAccessedTime, maxInactiveInterval);
		return deadline != null && !now.isBefore(deadline);
	}

}
