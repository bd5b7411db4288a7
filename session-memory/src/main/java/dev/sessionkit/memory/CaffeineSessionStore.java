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
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
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
 * Each session expires at its own deadline: no operation finds it after that, and
 * Caffeine's variable expiry and scheduler remove it within a second, so memory is freed
 * and {@code SessionExpiredEvent}s fire without waiting for traffic. An optional maximum
 * bounds the number of sessions; a session evicted to respect it is reported as expired.
 * Sessions are immutable once stored. Attribute values are kept in the repository's heap
 * form ({@link #acceptsHeapValues()}): private templates that every request copies, as it
 * would decode its own copy from Redis, without encoding or decoding JSON; values whose
 * types do not allow a template are kept encoded.
 */
public final class CaffeineSessionStore implements SessionStore {

	/*
	 * Concurrency: the cache holds a CachedSession per id. Removing it, creating it, and
	 * any change that moves the entry's expiry run inside Caffeine's atomic compute for
	 * the id, and so does the matching change to the principal index (a separate map,
	 * never this cache, so no compute recurses). A touch less than a second after the
	 * recorded access writes nothing (StoredSession.touch). A touch or a save that leaves
	 * the deadline within the cache's expiry and keeps the principal replaces the session
	 * in place with a compare-and-set, without a cache write: a save rarely moves the
	 * deadline. So the cache expires an entry up to a second after its session's
	 * deadline, never before: a session found expired in that second is removed by the
	 * operation that found it, which reports it on its own thread. Evictions by the cache
	 * (expiry, size) clean the index in the eviction listener, which Caffeine runs inside
	 * the same per-key lock, and which reports expiries after the fact, on the executor.
	 * Moving a session to a new id removes it under the old id first: of two concurrent
	 * moves only one finds it, so one id stays live.
	 */

	private final Cache<String, CachedSession> sessions;

	private final Policy<String, CachedSession> policy;

	/** Whether reads must tell Caffeine of each access, for its choice of evictions. */
	private final boolean bounded;

	private final ConcurrentMap<String, Set<String>> principalIndex = new ConcurrentHashMap<>();

	private volatile Consumer<StoredSession> expirationListener = (session) -> {
	};

	private CaffeineSessionStore(Builder builder) {
		Clock clock = builder.clock;
		Caffeine<String, CachedSession> caffeine = Caffeine.newBuilder()
			.ticker(() -> CachedSession.epochNanos(clock.instant()))
			.scheduler(Scheduler.systemScheduler())
			.expireAfter(new CachedSessionExpiry())
			// maintenance is a few queue drains: cheaper on the calling thread than a
			// hand-off to another thread, which on 2 cores costs a wake-up per write
			.executor((builder.executor != null) ? builder.executor : Runnable::run);
		this.bounded = builder.maximumSessions >= 0;
		if (this.bounded) {
			caffeine.maximumSize(builder.maximumSessions);
		}
		Executor executor = (builder.executor != null) ? builder.executor : ForkJoinPool.commonPool();
		// an eviction listener, not a removal listener: Caffeine would notify a removal
		// listener of every replaced value
		this.sessions = caffeine.evictionListener((String id, @Nullable CachedSession cached, RemovalCause cause) -> {
			StoredSession session = (cached != null) ? cached.remove() : null;
			if (session != null) {
				unindex(session);
				if (cause == RemovalCause.EXPIRED || cause == RemovalCause.SIZE) {
					executor.execute(() -> this.expirationListener.accept(session));
				}
			}
		}).build();
		this.policy = this.sessions.policy();
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
		StoredSession touched = change(id, now, (session) -> session.touch(now), false, expired);
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
				return CachedSession.of(created);
			});
			return SaveResult.CREATED;
		}
		StoredSession[] expired = new StoredSession[1];
		boolean saved;
		if (changes.idChanged()) {
			StoredSession moved = removeLive(changes.storedId(), now, expired);
			saved = moved != null && this.sessions.asMap().compute(changes.id(), (id, existing) -> {
				if (existing != null) {
					throw new IllegalStateException("Session id collision: the id generator repeated an id");
				}
				StoredSession changed = moved.apply(changes);
				index(changed);
				return CachedSession.of(changed);
			}) != null;
		}
		else {
			saved = change(changes.id(), now, (session) -> session.apply(changes), changes.principalChanged(),
					expired) != null;
		}
		reportExpired(expired[0]);
		return saved ? SaveResult.UPDATED : SaveResult.GONE;
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
			CachedSession cached = this.policy.getIfPresentQuietly(id);
			StoredSession session = (cached != null) ? cached.session() : null;
			if (session != null && !session.isExpired(now) && principalName.equals(session.principalName())) {
				found.add(session);
			}
		}
		return found;
	}

	/**
	 * Removes the sessions expired at {@code now}, with their events: those the cache has
	 * not removed yet, and those it would remove only within its second of slack. Walks
	 * every session; the cache removes expired sessions by itself without this call.
	 */
	@Override
	public void removeExpired(Instant now) {
		this.sessions.cleanUp();
		for (CachedSession cached : this.sessions.asMap().values()) {
			StoredSession session = cached.session();
			if (session != null && session.isExpired(now)) {
				StoredSession[] expired = new StoredSession[1];
				this.sessions.asMap().computeIfPresent(session.id(), (key, entry) -> {
					StoredSession current = entry.session();
					boolean removed = current != null && current.isExpired(now)
							&& removeFoundExpired(entry, current, expired);
					return removed ? null : entry;
				});
				reportExpired(expired[0]);
			}
		}
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

	/**
	 * Changes a live session: in place when the change keeps its principal and the
	 * cache's expiry still covers its deadline, else inside the cache's compute for the
	 * id, which moves the expiry and, when asked, the principal index.
	 * @param expired receives the session if it was found expired, and removed
	 * @return the changed session, or {@code null} if it is absent or expired
	 */
	private @Nullable StoredSession change(String id, Instant now, UnaryOperator<StoredSession> change, boolean reindex,
			StoredSession[] expired) {
		if (!reindex) {
			CachedSession cached = this.policy.getIfPresentQuietly(id);
			StoredSession session = (cached != null) ? cached.session() : null;
			if (session != null && !session.isExpired(now)) {
				StoredSession changed = change.apply(session);
				if (changed == session) {
					recordAccess(id);
					return session;
				}
				if (cached.replaceInPlace(session, changed)) {
					recordAccess(id);
					return changed;
				}
			}
		}
		StoredSession[] changed = new StoredSession[1];
		this.sessions.asMap().computeIfPresent(id, (key, entry) -> {
			for (;;) {
				StoredSession session = Objects.requireNonNull(entry.session());
				if (session.isExpired(now)) {
					if (removeFoundExpired(entry, session, expired)) {
						return null;
					}
				}
				else {
					changed[0] = change.apply(session);
					if (entry.replace(session, changed[0])) {
						if (reindex) {
							unindex(session);
							index(changed[0]);
						}
						return entry;
					}
				}
			}
		});
		return (expired[0] != null) ? null : changed[0];
	}

	/** Lets a size-bounded cache count the access, which an in-place change hides. */
	private void recordAccess(String id) {
		if (this.bounded) {
			this.sessions.getIfPresent(id);
		}
	}

	private @Nullable StoredSession removeLive(String id, Instant now, StoredSession[] expired) {
		StoredSession[] removed = new StoredSession[1];
		this.sessions.asMap().computeIfPresent(id, (key, entry) -> {
			StoredSession session = entry.remove();
			if (session != null) {
				unindex(session);
			}
			if (session != null && session.isExpired(now)) {
				expired[0] = session;
			}
			else {
				removed[0] = session;
			}
			return null;
		});
		return removed[0];
	}

	/**
	 * Removes a session found expired, inside the cache's compute for its id, unless an
	 * in-place change replaced it meanwhile.
	 * @return whether it was removed, and is now in {@code expired}
	 */
	private boolean removeFoundExpired(CachedSession entry, StoredSession session, StoredSession[] expired) {
		if (!entry.remove(session)) {
			return false;
		}
		unindex(session);
		expired[0] = session;
		return true;
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

	/**
	 * Expires each entry at the instant its {@link CachedSession} names; reads do not
	 * move it.
	 */
	private static final class CachedSessionExpiry implements Expiry<String, CachedSession> {

		@Override
		public long expireAfterCreate(String id, CachedSession cached, long currentTime) {
			return nanosUntilExpiry(cached, currentTime);
		}

		@Override
		public long expireAfterUpdate(String id, CachedSession cached, long currentTime, long currentDuration) {
			return nanosUntilExpiry(cached, currentTime);
		}

		@Override
		public long expireAfterRead(String id, CachedSession cached, long currentTime, long currentDuration) {
			return currentDuration;
		}

		private static long nanosUntilExpiry(CachedSession cached, long currentTime) {
			long expiry = cached.expiryNanos();
			return (expiry == Long.MAX_VALUE) ? Long.MAX_VALUE : Math.max(0, expiry - currentTime);
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
