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

	private SessionDeadlines() {
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
