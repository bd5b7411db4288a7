package dev.sessionkit.redis;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;

/**
 * The sessions this instance loaded or saved lately, each with the content token Redis
 * gave its content. Loading a session whose token is still current costs a reply of a few
 * bytes instead of its attributes; the token is checked in the same script call, so a
 * copy changed by another instance is never used. Bounded by the characters of the
 * attributes it holds, and forgetting what goes unused.
 */
final class NearCache {

	private final @Nullable Cache<String, Entry> entries;

	/**
	 * @param maxCharacters the most characters of attribute names and values to hold; 0
	 * for none
	 * @param unusedFor how long a session is held without being used
	 */
	NearCache(long maxCharacters, Duration unusedFor) {
		this.entries = (maxCharacters > 0) ? Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.weigher((String id, Entry entry) -> entry.weight())
			.expireAfterAccess(unusedFor)
			// maintenance on the calling thread: a hand-off would wake a thread per put
			.executor(Runnable::run)
			.scheduler(Scheduler.systemScheduler())
			.build() : null;
	}

	/** Whether it holds anything at all: {@code false} when its size is 0. */
	boolean enabled() {
		return this.entries != null;
	}

	/** The held copy of a session, or {@code null}. */
	@Nullable Entry get(String id) {
		Cache<String, Entry> cache = this.entries;
		return (cache != null) ? cache.getIfPresent(id) : null;
	}

	/**
	 * Holds a session as Redis has it; a session without a token is forgotten instead.
	 */
	void hold(StoredSession session, @Nullable String token) {
		Cache<String, Entry> cache = this.entries;
		if (cache == null) {
			return;
		}
		if (token == null) {
			cache.invalidate(session.id());
		}
		else {
			cache.put(session.id(), new Entry(session, token));
		}
	}

	/**
	 * Applies a saved update to the held copy if the update was made on that copy's
	 * content; otherwise forgets it, since another instance wrote in between.
	 */
	void updated(SessionChanges changes, @Nullable String tokenBefore, @Nullable String tokenAfter) {
		Cache<String, Entry> cache = this.entries;
		if (cache == null) {
			return;
		}
		cache.asMap()
			.computeIfPresent(changes.id(), (id, held) -> (tokenAfter != null && held.token().equals(tokenBefore))
					? new Entry(held.session().apply(changes), tokenAfter) : null);
	}

	void forget(String id) {
		Cache<String, Entry> cache = this.entries;
		if (cache != null) {
			cache.invalidate(id);
		}
	}

	/** A held session and the token of its content. */
	record Entry(StoredSession session, String token) {

		int weight() {
			long characters = 1;
			for (Map.Entry<String, AttributeValue> attribute : this.session.attributes().entrySet()) {
				characters += attribute.getKey().length() + attribute.getValue().encoded().length();
			}
			return (int) Math.min(Integer.MAX_VALUE, characters);
		}

	}

}
