package dev.sessionkit.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.sessionkit.core.spi.SaveResult;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SessionStore} in this JVM's heap, on Caffeine: for one application instance
 * and for local development.
 * <p>
 * Each session expires at its own deadline through Caffeine's variable expiry, and a
 * scheduler removes abandoned sessions promptly, so memory is freed and
 * {@code SessionExpiredEvent}s fire without waiting for traffic. An optional maximum
 * bounds the number of sessions; a session evicted to respect it is reported as expired.
 * Sessions are immutable once stored. Attribute values are kept in the repository's heap
 * form ({@link #acceptsHeapValues()}): private templates that every request copies, as it
 * would decode its own copy from Redis, without encoding or decoding JSON; values whose
 * types do not allow a template are kept encoded.
 */
public final class CaffeineSessionStore implements SessionStore {

	/*
	 * Concurrency: every change to a session runs inside Caffeine's atomic compute for
	 * its key, and so does the matching change to the principal index (a separate map,
	 * never this cache, so no compute recurses). Evictions (expiry, size) clean the index
	 * in the eviction listener, which Caffeine runs inside the same per-key lock, and
	 * which reports expiries after the fact, on the executor. Moving a session to a new
	 * id removes it under the old id first: of two concurrent moves only one finds it, so
	 * one id stays live.
	 */

	private final Cache<String, StoredSession> sessions;

	private final ConcurrentMap<String, Set<String>> principalIndex = new ConcurrentHashMap<>();

	private volatile Consumer<StoredSession> expirationListener = (session) -> {
	};

	private CaffeineSessionStore(Builder builder) {
		Clock clock = builder.clock;
		Caffeine<String, StoredSession> caffeine = Caffeine.newBuilder()
			.ticker(() -> epochNanos(clock.instant()))
			.scheduler(Scheduler.systemScheduler())
			.expireAfter(new DeadlineExpiry())
			// maintenance is a few queue drains: cheaper on the calling thread than a
			// hand-off to another thread, which on 2 cores costs a wake-up per write
			.executor((builder.executor != null) ? builder.executor : Runnable::run);
		if (builder.maximumSessions >= 0) {
			caffeine.maximumSize(builder.maximumSessions);
		}
		Executor executor = (builder.executor != null) ? builder.executor : ForkJoinPool.commonPool();
		// an eviction listener, not a removal listener: Caffeine would notify a removal
		// listener of every replaced value, that is of every touch
		this.sessions = caffeine.evictionListener((String id, @Nullable StoredSession session, RemovalCause cause) -> {
			if (session != null) {
				unindex(session);
				if (cause == RemovalCause.EXPIRED || cause == RemovalCause.SIZE) {
					executor.execute(() -> this.expirationListener.accept(session));
				}
			}
		}).build();
	}

	/**
	 * Returns a builder with the defaults: unbounded, system clock, maintenance on the
	 * calling thread.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public @Nullable StoredSession loadAndTouch(String id, Instant now) {
		StoredSession[] expired = new StoredSession[1];
		StoredSession touched = this.sessions.asMap().computeIfPresent(id, (key, session) -> {
			if (session.isExpired(now)) {
				expired[0] = session;
				unindex(session);
				return null;
			}
			return session.touch(now);
		});
		reportExpired(expired[0]);
		return touched;
	}

	@Override
	public SaveResult save(SessionChanges changes, Instant now) {
		if (changes.create()) {
			this.sessions.asMap().compute(changes.id(), (id, existing) -> {
				if (existing != null) {
					throw new IllegalStateException("Session id collision: the id generator repeated an id");
				}
				StoredSession created = StoredSession.create(changes);
				index(created);
				return created;
			});
			return SaveResult.CREATED;
		}
		StoredSession[] expired = new StoredSession[1];
		StoredSession saved;
		if (changes.idChanged()) {
			StoredSession moved = removeLive(changes.storedId(), now, expired);
			saved = (moved != null) ? this.sessions.asMap().compute(changes.id(), (id, existing) -> {
				if (existing != null) {
					throw new IllegalStateException("Session id collision: the id generator repeated an id");
				}
				StoredSession changed = moved.apply(changes);
				index(changed);
				return changed;
			}) : null;
		}
		else {
			saved = this.sessions.asMap().computeIfPresent(changes.id(), (id, session) -> {
				if (session.isExpired(now)) {
					expired[0] = session;
					unindex(session);
					return null;
				}
				StoredSession changed = session.apply(changes);
				if (changes.principalChanged()) {
					unindex(session);
					index(changed);
				}
				return changed;
			});
		}
		reportExpired(expired[0]);
		return (saved != null) ? SaveResult.UPDATED : SaveResult.GONE;
	}

	@Override
	public @Nullable StoredSession delete(String id, Instant now) {
		StoredSession[] expired = new StoredSession[1];
		StoredSession deleted = removeLive(id, now, expired);
		reportExpired(expired[0]);
		return deleted;
	}

	@Override
	public List<StoredSession> findByPrincipalName(String principalName, Instant now) {
		Set<String> ids = this.principalIndex.get(principalName);
		if (ids == null) {
			return List.of();
		}
		List<StoredSession> found = new ArrayList<>();
		for (String id : ids) {
			StoredSession session = this.sessions.policy().getIfPresentQuietly(id);
			if (session != null && !session.isExpired(now) && principalName.equals(session.principalName())) {
				found.add(session);
			}
		}
		return found;
	}

	@Override
	public void removeExpired(Instant now) {
		this.sessions.cleanUp();
	}

	@Override
	public void setExpirationListener(Consumer<StoredSession> listener) {
		this.expirationListener = Objects.requireNonNull(listener, "listener must not be null");
	}

	/**
	 * Always {@code true}: this store keeps values in this JVM's heap.
	 */
	@Override
	public boolean acceptsHeapValues() {
		return true;
	}

	/**
	 * Returns the number of sessions held, approximately: expired sessions count until
	 * they are removed.
	 * @return the number of sessions
	 */
	public long estimatedSize() {
		return this.sessions.estimatedSize();
	}

	/** Principal names to the ids of their sessions, for invariant checks in tests. */
	Map<String, Set<String>> principalIndex() {
		return this.principalIndex;
	}

	private @Nullable StoredSession removeLive(String id, Instant now, StoredSession[] expired) {
		StoredSession[] removed = new StoredSession[1];
		this.sessions.asMap().computeIfPresent(id, (key, session) -> {
			unindex(session);
			if (session.isExpired(now)) {
				expired[0] = session;
			}
			else {
				removed[0] = session;
			}
			return null;
		});
		return removed[0];
	}

	private void reportExpired(@Nullable StoredSession session) {
		if (session != null) {
			this.expirationListener.accept(session);
		}
	}

	private void index(StoredSession session) {
		String principal = session.principalName();
		if (principal != null) {
			this.principalIndex.computeIfAbsent(principal, (name) -> ConcurrentHashMap.newKeySet()).add(session.id());
		}
	}

	private void unindex(StoredSession session) {
		String principal = session.principalName();
		if (principal != null) {
			this.principalIndex.computeIfPresent(principal, (name, ids) -> {
				ids.remove(session.id());
				return ids.isEmpty() ? null : ids;
			});
		}
	}

	private static long epochNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	/** Expires each session at its own deadline; reads do not move it, saves do. */
	private static final class DeadlineExpiry implements Expiry<String, StoredSession> {

		@Override
		public long expireAfterCreate(String id, StoredSession session, long currentTime) {
			return nanosUntilDeadline(session, currentTime);
		}

		@Override
		public long expireAfterUpdate(String id, StoredSession session, long currentTime, long currentDuration) {
			return nanosUntilDeadline(session, currentTime);
		}

		@Override
		public long expireAfterRead(String id, StoredSession session, long currentTime, long currentDuration) {
			return currentDuration;
		}

		private static long nanosUntilDeadline(StoredSession session, long currentTime) {
			Instant deadline = session.deadline();
			if (deadline == null) {
				return Long.MAX_VALUE;
			}
			return Math.max(0, epochNanos(deadline) - currentTime);
		}

	}

	/**
	 * Builds a {@link CaffeineSessionStore}.
	 */
	public static final class Builder {

		private Clock clock = Clock.systemUTC();

		private long maximumSessions = -1;

		private @Nullable Executor executor;

		private Builder() {
		}

		/**
		 * Set the clock that expiry follows; use the same clock as the repository.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Set the most sessions kept; beyond it, the least valuable sessions are evicted
		 * and reported as expired. Negative for no limit, the default.
		 * @param maximumSessions the maximum
		 * @return this builder
		 */
		public Builder maximumSessions(long maximumSessions) {
			this.maximumSessions = maximumSessions;
			return this;
		}

		/**
		 * Set the executor that runs maintenance and reports expiries. Default:
		 * maintenance on the thread that caused it, expiries reported on
		 * {@code ForkJoinPool.commonPool()}.
		 * @param executor the executor
		 * @return this builder
		 */
		public Builder executor(Executor executor) {
			this.executor = Objects.requireNonNull(executor, "executor must not be null");
			return this;
		}

		/**
		 * Builds the store.
		 * @return the store
		 */
		public CaffeineSessionStore build() {
			return new CaffeineSessionStore(this);
		}

	}

}
