package dev.sessionkit.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.sessionkit.core.spi.SaveResult;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.core.spi.SessionStoreException;
import dev.sessionkit.core.spi.StoredSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A {@link SessionStore} in Redis, through Redisson: for many application instances
 * sharing sessions, on standalone Redis, Sentinel or Cluster, including managed Redis
 * that forbids {@code CONFIG} and keyspace notifications.
 * <p>
 * One hash per session holds its metadata and one JSON value per attribute, so
 * {@code redis-cli HGETALL} shows what is stored. Loading and touching a session is one
 * script call (one round trip); a save applies its delta in one script call, conditional
 * on the session still existing. Nothing on the request path scans the keyspace.
 */
public final class RedissonSessionStore implements SessionStore {

	/**
	 * The default of {@link Builder#nearCacheSize}: 16M characters of attribute names and
	 * values.
	 */
	public static final long DEFAULT_NEAR_CACHE_SIZE = 16L * 1024 * 1024;

	/** How long the near cache holds a session that nobody uses. */
	private static final Duration NEAR_CACHE_UNUSED_FOR = Duration.ofMinutes(30);

	/*
	 * Expiry. Each hash carries its last access time and max inactive interval; scripts
	 * judge expiry against the application's clock, and Redis deletes the hash a grace
	 * period after its deadline. A sorted set holds every expiring session under a time
	 * at or before its deadline: touches slide deadlines later without updating it, so
	 * its scores are lower bounds. The sweeper (one instance at a time, under a lock)
	 * reads the ids whose score has passed and, for each, runs the script's
	 * "take expired" step, which deletes the hash only if it really expired and otherwise
	 * answers its true deadline, which becomes the new score. Whoever's script deletes an
	 * expired session, the sweeper or a request that found it, reports it, so each expiry
	 * is reported once across all instances, without keyspace notifications.
	 *
	 * Changing an id takes the session from its old key and writes it under the new one:
	 * two scripts, since the two keys live in different cluster slots. Of two concurrent
	 * changes only one takes the session, so one id stays live.
	 */

	private static final Log logger = LogFactory.getLog(RedissonSessionStore.class);

	private static final Duration SWEEP_LEASE = Duration.ofMinutes(5);

	private static final String RELEASE_LOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('DEL', KEYS[1]) end return 0";

	/** The server's version, its number, and whether its append-only file is on. */
	private static final String SERVER_FACTS = "local persistence = redis.call('INFO', 'persistence') "
			+ "return { redis.REDIS_VERSION or 'older than 7.0', redis.REDIS_VERSION_NUM or 0, "
			+ "string.match(persistence, 'aof_enabled:(%d)') or '0' }";

	private static final long REDIS_7_2 = 0x070200;

	private final RedissonClient redisson;

	private final RedisKeys keys;

	private final Duration gracePeriod;

	private final int sweepBatchSize;

	private final RScript script;

	private final @Nullable Acknowledgement acknowledgement;

	private final NearCache nearCache;

	private volatile Consumer<StoredSession> expirationListener = (session) -> {
	};

	private RedissonSessionStore(Builder builder) {
		this.redisson = builder.redisson;
		this.keys = new RedisKeys(builder.keyPrefix);
		this.gracePeriod = builder.gracePeriod;
		this.sweepBatchSize = builder.sweepBatchSize;
		this.acknowledgement = builder.acknowledgement;
		this.nearCache = new NearCache(builder.nearCacheSize, NEAR_CACHE_UNUSED_FOR);
		this.script = this.redisson.getScript(HeapStringCodec.INSTANCE);
	}

	/**
	 * Returns a builder for a store on the given client.
	 * @param redisson the client; the store does not shut it down
	 * @return the builder
	 */
	public static Builder builder(RedissonClient redisson) {
		return new Builder(redisson);
	}

	@Override
	public @Nullable StoredSession loadAndTouch(String id, Instant now) {
		String key = this.keys.session(id);
		NearCache.Entry held = this.nearCache.get(id);
		List<Object> reply = call("load session",
				() -> this.script.eval(key, RScript.Mode.READ_WRITE, SessionScript.SOURCE, RScript.ReturnType.LIST,
						List.of(key),
						SessionScript.load(now, this.gracePeriod, true, (held != null) ? held.token() : null)));
		if (held != null && SessionScript.status(reply).equals("same")) {
			return SessionScript.same(held.session(), reply);
		}
		StoredSession session = liveOrReport(id, reply);
		if (session != null) {
			this.nearCache.hold(session, SessionScript.token(reply));
		}
		else {
			this.nearCache.forget(id);
		}
		return session;
	}

	@Override
	public SaveResult save(SessionChanges changes, Instant now) {
		if (changes.create()) {
			create(StoredSession.create(changes), now, null);
			return SaveResult.CREATED;
		}
		if (changes.idChanged()) {
			StoredSession taken = take(changes.storedId(), now);
			if (taken == null) {
				return SaveResult.GONE;
			}
			create(taken.apply(changes), now, taken);
			return SaveResult.UPDATED;
		}
		return update(changes, now);
	}

	@Override
	public @Nullable StoredSession delete(String id, Instant now) {
		return take(id, now);
	}

	@Override
	public List<StoredSession> findByPrincipalName(String principalName, Instant now) {
		String indexKey = this.keys.principal(principalName);
		Collection<String> ids = call("read principal index",
				() -> this.redisson.<String>getSet(indexKey, StringCodec.INSTANCE).readAll());
		if (ids.isEmpty()) {
			return List.of();
		}
		List<List<Object>> replies = scriptOnEach(ids, SessionScript.load(now, this.gracePeriod, false, null),
				"load sessions of a principal");
		List<StoredSession> found = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		int i = 0;
		for (String id : ids) {
			StoredSession session = liveOrReport(id, replies.get(i++));
			if (session != null && principalName.equals(session.principalName())) {
				found.add(session);
			}
			else if (session == null) {
				stale.add(id);
			}
		}
		if (!stale.isEmpty()) {
			call("prune principal index", () -> this.redisson.getSet(indexKey, StringCodec.INSTANCE).removeAll(stale));
		}
		return found;
	}

	/**
	 * Sweeps expired sessions if no other instance is sweeping. The lock is a plain key
	 * set with {@code NX} and a lease, released only by its holder, so a crashed sweeper
	 * blocks the others for the lease at most and leaves nothing behind.
	 */
	@Override
	public void removeExpired(Instant now) {
		String token = UUID.randomUUID().toString();
		RBucket<String> lock = this.redisson.getBucket(this.keys.sweeperLock(), StringCodec.INSTANCE);
		if (!call("lock sweeper", () -> lock.setIfAbsent(token, SWEEP_LEASE))) {
			return;
		}
		try {
			while (sweep(now) == this.sweepBatchSize) {
				// another full batch may be waiting
			}
		}
		finally {
			String key = this.keys.sweeperLock();
			call("unlock sweeper", () -> this.script.eval(key, RScript.Mode.READ_WRITE, RELEASE_LOCK,
					RScript.ReturnType.LONG, List.of(key), token));
		}
	}

	/**
	 * Checks that Redis accepts the acknowledgements this store waits for, with one
	 * acknowledged command that changes nothing, so that a server that cannot give them
	 * ({@code WAITAOF} needs Redis 7.2 or later, and {@code appendonly yes} for the
	 * primary's own file) fails once, at startup, instead of every save. How many
	 * replicas confirm is not judged here: they may attach later. Does nothing when the
	 * store waits for no acknowledgement.
	 * @throws SessionStoreException if Redis refused
	 */
	public void verifyAcknowledgements() {
		Acknowledgement required = this.acknowledgement;
		if (required == null) {
			return;
		}
		String key = this.keys.sweeperLock();
		if (required.aof()) {
			// Redisson leaves WAITAOF out, silently, on a server too old to know it
			List<Object> server = call("read the server's version and persistence", () -> this.script.eval(key,
					RScript.Mode.READ_ONLY, SERVER_FACTS, RScript.ReturnType.LIST, List.of(key)));
			if (((Long) server.get(1)) < REDIS_7_2) {
				throw new SessionStoreException("WAITAOF needs Redis 7.2 or later, but the server is Redis "
						+ server.get(0) + ": writes would not wait for the append-only file", null);
			}
			if (required.localFsyncs() > 0 && !"1".equals(server.get(2))) {
				throw new SessionStoreException(
						"WAITAOF cannot wait for the server's append-only file: it is off (appendonly no)", null);
			}
		}
		RBatch batch = this.redisson.createBatch(writeOptions());
		batch.getBucket(key, StringCodec.INSTANCE).isExistsAsync();
		call("acknowledge a write", batch::execute);
	}

	/**
	 * Whether the near cache is on: sessions this instance saved are then loaded, while
	 * current, with the attribute values it was given.
	 */
	@Override
	public boolean keepsSavedValues() {
		return this.nearCache.enabled();
	}

	@Override
	public void setExpirationListener(Consumer<StoredSession> listener) {
		this.expirationListener = Objects.requireNonNull(listener, "listener must not be null");
	}

	/** Sweeps one batch of candidates; returns how many there were. */
	private int sweep(Instant now) {
		Collection<String> candidates = call("read expirations",
				() -> this.redisson.<String>getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE)
					.valueRange(Double.NEGATIVE_INFINITY, true, SessionScript.millis(now), true, 0,
							this.sweepBatchSize));
		if (candidates.isEmpty()) {
			return 0;
		}
		List<List<Object>> replies = scriptOnEach(candidates, SessionScript.take(now, this.gracePeriod, true),
				"claim expired sessions");
		RBatch index = this.redisson.createBatch(BatchOptions.defaults().skipResult());
		List<StoredSession> expired = new ArrayList<>();
		int i = 0;
		for (String id : candidates) {
			List<Object> reply = replies.get(i++);
			String status = SessionScript.status(reply);
			if (status.equals("live") && ((Long) SessionScript.detail(reply)) >= 0) {
				index.getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE)
					.addIfExistsAsync((Long) SessionScript.detail(reply), id);
				continue;
			}
			this.nearCache.forget(id);
			index.getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE).removeAsync(id);
			if (status.equals("expired")) {
				StoredSession session = SessionScript.session(id, reply);
				unindexPrincipal(index, session);
				expired.add(session);
			}
		}
		call("update expirations", index::execute);
		expired.forEach(this.expirationListener);
		return candidates.size();
	}

	/**
	 * Runs the script on the hash of each id, in one pipelined batch; replies in the ids'
	 * order.
	 */
	private List<List<Object>> scriptOnEach(Collection<String> ids, Object[] arguments, String operation) {
		RBatch batch = this.redisson.createBatch(BatchOptions.defaults());
		List<RFuture<List<Object>>> futures = new ArrayList<>();
		for (String id : ids) {
			String key = this.keys.session(id);
			futures.add(batch.getScript(HeapStringCodec.INSTANCE)
				.evalAsync(key, RScript.Mode.READ_WRITE, SessionScript.SOURCE, RScript.ReturnType.LIST, List.of(key),
						arguments));
		}
		call(operation, batch::execute);
		return futures.stream().map((future) -> future.toCompletableFuture().join()).toList();
	}

	private void create(StoredSession session, Instant now, @Nullable StoredSession moved) {
		String key = this.keys.session(session.id());
		RBatch batch = this.redisson.createBatch(writeOptions());
		RFuture<List<Object>> reply = batch.getScript(HeapStringCodec.INSTANCE)
			.evalAsync(key, RScript.Mode.READ_WRITE, SessionScript.SOURCE, RScript.ReturnType.LIST, List.of(key),
					SessionScript.create(session, now, this.gracePeriod));
		Instant deadline = session.deadline();
		if (deadline != null) {
			batch.getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE)
				.addAsync(SessionScript.millis(deadline), session.id());
		}
		if (moved != null) {
			unindexPrincipal(batch, moved);
		}
		if (session.principalName() != null) {
			batch.getSet(this.keys.principal(session.principalName()), StringCodec.INSTANCE).addAsync(session.id());
		}
		acknowledged(call("create session", batch::execute));
		if (SessionScript.status(reply.toCompletableFuture().join()).equals("collision")) {
			throw new IllegalStateException("Session id collision: the id generator repeated an id");
		}
		this.nearCache.hold(session, SessionScript.createdToken(session));
		if (moved == null || !java.util.Objects.equals(moved.principalName(), session.principalName())) {
			pruneIndex(session.principalName(), now);
		}
	}

	private SaveResult update(SessionChanges changes, Instant now) {
		String key = this.keys.session(changes.id());
		Object[] arguments = SessionScript.update(changes, now, this.gracePeriod);
		Long earliestDeadline = earliestDeadline(changes, now);
		List<Object> result;
		if (earliestDeadline == null && this.acknowledgement == null) {
			// the common write: one script call, without a batch's overhead
			result = call("save session", () -> this.script.eval(key, RScript.Mode.READ_WRITE, SessionScript.SOURCE,
					RScript.ReturnType.LIST, List.of(key), arguments));
		}
		else {
			RBatch batch = this.redisson.createBatch(writeOptions());
			RFuture<List<Object>> reply = batch.getScript(HeapStringCodec.INSTANCE)
				.evalAsync(key, RScript.Mode.READ_WRITE, SessionScript.SOURCE, RScript.ReturnType.LIST, List.of(key),
						arguments);
			if (earliestDeadline != null) {
				batch.getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE)
					.addIfLessAsync(earliestDeadline, changes.id());
			}
			acknowledged(call("save session", batch::execute));
			result = reply.toCompletableFuture().join();
		}
		String status = SessionScript.status(result);
		if (status.equals("updated")) {
			this.nearCache.updated(changes, SessionScript.tokenBefore(result), SessionScript.tokenAfter(result));
			if (changes.principalChanged()) {
				reindexPrincipal(changes.id(), (String) SessionScript.detail(result), changes.principalName());
				pruneIndex(changes.principalName(), now);
			}
			return SaveResult.UPDATED;
		}
		if (status.equals("expired")) {
			reportExpired(SessionScript.session(changes.id(), result));
		}
		this.nearCache.forget(changes.id());
		return SaveResult.GONE;
	}

	/**
	 * A time at or before the session's deadline when the save may move it earlier; the
	 * sweeper corrects it upward.
	 */
	private static @Nullable Long earliestDeadline(SessionChanges changes, Instant now) {
		Duration interval = changes.maxInactiveInterval();
		if (interval != null && interval.isNegative()) {
			return null;
		}
		Instant accessed = changes.lastAccessedTime();
		if (interval != null) {
			return SessionScript.millis((accessed != null) ? accessed.plus(interval) : now.plus(interval));
		}
		return (accessed != null) ? SessionScript.millis(accessed) : null;
	}

	/** Removes a session from Redis; an expired one is reported, not returned. */
	private @Nullable StoredSession take(String id, Instant now) {
		this.nearCache.forget(id);
		String key = this.keys.session(id);
		RBatch batch = this.redisson.createBatch(writeOptions());
		RFuture<List<Object>> taken = batch.getScript(HeapStringCodec.INSTANCE)
			.evalAsync(key, RScript.Mode.READ_WRITE, SessionScript.SOURCE, RScript.ReturnType.LIST, List.of(key),
					SessionScript.take(now, this.gracePeriod, false));
		batch.getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE).removeAsync(id);
		acknowledged(call("remove session", batch::execute));
		List<Object> reply = taken.toCompletableFuture().join();
		String status = SessionScript.status(reply);
		if (status.equals("taken")) {
			StoredSession session = SessionScript.session(id, reply);
			if (session.principalName() != null) {
				call("remove session from principal index",
						() -> this.redisson.getSet(this.keys.principal(session.principalName()), StringCodec.INSTANCE)
							.remove(id));
			}
			return session;
		}
		if (status.equals("expired")) {
			reportExpired(SessionScript.session(id, reply));
		}
		else if (status.equals("corrupt")) {
			warnCorrupt(id);
		}
		return null;
	}

	private BatchOptions writeOptions() {
		BatchOptions options = BatchOptions.defaults();
		Acknowledgement required = this.acknowledgement;
		if (required == null) {
			return options;
		}
		return required.aof() ? options.syncAOF(required.localFsyncs(), required.replicas(), required.timeout())
				: options.sync(required.replicas(), required.timeout());
	}

	/** Fails a write that Redis applied but did not confirm as durable as configured. */
	private void acknowledged(BatchResult<?> result) {
		Acknowledgement required = this.acknowledgement;
		if (required != null && result.getSyncedSlaves() < required.replicas()) {
			throw new SessionStoreException("Redis applied the write, but only " + result.getSyncedSlaves() + " of "
					+ required.replicas() + " replicas confirmed it within " + required.timeout().toMillis() + " ms",
					null);
		}
	}

	private @Nullable StoredSession liveOrReport(String id, List<Object> reply) {
		String status = SessionScript.status(reply);
		if (status.equals("live")) {
			return SessionScript.session(id, reply);
		}
		if (status.equals("expired")) {
			reportExpired(SessionScript.session(id, reply));
		}
		else if (status.equals("corrupt")) {
			warnCorrupt(id);
		}
		return null;
	}

	/** Reports a session that a script of this instance found expired and deleted. */
	private void reportExpired(StoredSession session) {
		RBatch batch = this.redisson.createBatch(BatchOptions.defaults().skipResult());
		batch.getScoredSortedSet(this.keys.expirations(), StringCodec.INSTANCE).removeAsync(session.id());
		unindexPrincipal(batch, session);
		call("remove expired session from indexes", batch::execute);
		this.expirationListener.accept(session);
	}

	/**
	 * Drops the ids of sessions that no longer exist from a principal's index, when the
	 * principal gains a session (a login): entries whose session Redis expired while no
	 * sweeper ran cannot pile up beyond one login.
	 */
	private void pruneIndex(@Nullable String principalName, Instant now) {
		if (principalName != null) {
			findByPrincipalName(principalName, now);
		}
	}

	private void reindexPrincipal(String id, @Nullable String oldPrincipal, @Nullable String newPrincipal) {
		boolean hadPrincipal = oldPrincipal != null && !oldPrincipal.isEmpty();
		if (!hadPrincipal && newPrincipal == null) {
			return;
		}
		RBatch batch = this.redisson.createBatch(BatchOptions.defaults().skipResult());
		if (hadPrincipal) {
			batch.getSet(this.keys.principal(oldPrincipal), StringCodec.INSTANCE).removeAsync(id);
		}
		if (newPrincipal != null) {
			batch.getSet(this.keys.principal(newPrincipal), StringCodec.INSTANCE).addAsync(id);
		}
		call("update principal index", batch::execute);
	}

	private void unindexPrincipal(RBatch batch, StoredSession session) {
		if (session.principalName() != null) {
			batch.getSet(this.keys.principal(session.principalName()), StringCodec.INSTANCE).removeAsync(session.id());
		}
	}

	private void warnCorrupt(String id) {
		logger.warn("Deleted the Redis key of session " + id.substring(0, Math.min(4, id.length()))
				+ "***: it was not a SessionKit session hash (wrong type or missing metadata); the client gets a new session");
	}

	/** How durable a write must be before it counts as saved. */
	private record Acknowledgement(boolean aof, int localFsyncs, int replicas, Duration timeout) {

		Acknowledgement {
			if (replicas < 0 || timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("replicas must not be negative and timeout must be positive");
			}
		}

	}

	private static <T> T call(String operation, Supplier<T> command) {
		try {
			return command.get();
		}
		catch (RedisException ex) {
			throw new SessionStoreException("Redis could not " + operation + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Builds a {@link RedissonSessionStore}.
	 */
	public static final class Builder {

		private final RedissonClient redisson;

		private String keyPrefix = "sessionkit:";

		private Duration gracePeriod = Duration.ofMinutes(5);

		private int sweepBatchSize = 100;

		private @Nullable Acknowledgement acknowledgement;

		private long nearCacheSize = DEFAULT_NEAR_CACHE_SIZE;

		private Builder(RedissonClient redisson) {
			this.redisson = Objects.requireNonNull(redisson, "redisson must not be null");
		}

		/**
		 * Set the namespace every key starts with, such as
		 * {@code sessionkit:mortgage-chatbot:}. Default {@code sessionkit:}.
		 * @param keyPrefix the prefix; no braces
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
			new RedisKeys(keyPrefix);
			return this;
		}

		/**
		 * Set how long Redis keeps a session's hash after its deadline, so that the
		 * sweeper can still report it with its attributes. Default 5 minutes.
		 * @param gracePeriod the grace period
		 * @return this builder
		 */
		public Builder gracePeriod(Duration gracePeriod) {
			if (gracePeriod.isNegative()) {
				throw new IllegalArgumentException("gracePeriod must not be negative");
			}
			this.gracePeriod = gracePeriod;
			return this;
		}

		/**
		 * Set how many expired sessions the sweeper claims per round trip. Default 100.
		 * @param sweepBatchSize the batch size
		 * @return this builder
		 */
		public Builder sweepBatchSize(int sweepBatchSize) {
			if (sweepBatchSize < 1) {
				throw new IllegalArgumentException("sweepBatchSize must be at least 1");
			}
			this.sweepBatchSize = sweepBatchSize;
			return this;
		}

		/**
		 * Wait after each write until this many replicas have it ({@code WAIT}); a write
		 * they do not confirm in time fails with {@link SessionStoreException}, although
		 * the primary applied it. Off by default.
		 * @param replicas the replicas that must confirm
		 * @param timeout the longest wait
		 * @return this builder
		 */
		public Builder waitForReplicas(int replicas, Duration timeout) {
			this.acknowledgement = new Acknowledgement(false, 0, replicas, timeout);
			return this;
		}

		/**
		 * Wait after each write until it is in the append-only file of the primary (when
		 * {@code localFsync}) and of this many replicas ({@code WAITAOF}, Redis 7.2 or
		 * later); a write not confirmed in time fails with {@link SessionStoreException}.
		 * Off by default. At least one replica: Redisson sends {@code WAITAOF} only when
		 * it waits for replicas. For the primary's own file alone, run Redis with
		 * {@code appendfsync always}, which writes every command to disk before
		 * answering.
		 * @param localFsync whether the primary's own AOF must have it
		 * @param replicas the replicas whose AOF must have it, at least 1
		 * @param timeout the longest wait
		 * @return this builder
		 */
		public Builder waitForAof(boolean localFsync, int replicas, Duration timeout) {
			if (replicas < 1) {
				throw new IllegalArgumentException("waitForAof needs at least 1 replica: Redisson sends WAITAOF "
						+ "only when it waits for replicas; for the primary's own append-only file, run Redis with "
						+ "appendfsync always");
			}
			this.acknowledgement = new Acknowledgement(true, localFsync ? 1 : 0, replicas, timeout);
			return this;
		}

		/**
		 * Set how much this instance keeps of the sessions it loaded or saved, in
		 * characters of attribute names and values, so that loading a session nobody
		 * changed since costs a reply of a few bytes instead of its attributes. Every
		 * load still asks Redis, in the same single script call, whether the copy is
		 * current, and gets the attributes when another instance changed them. A session
		 * unused for 30 minutes is forgotten. 0 turns it off; default
		 * {@value RedissonSessionStore#DEFAULT_NEAR_CACHE_SIZE}.
		 * @param characters the most characters to keep
		 * @return this builder
		 */
		public Builder nearCacheSize(long characters) {
			if (characters < 0) {
				throw new IllegalArgumentException("nearCacheSize must not be negative");
			}
			this.nearCacheSize = characters;
			return this;
		}

		/**
		 * Builds the store.
		 * @return the store
		 */
		public RedissonSessionStore build() {
			return new RedissonSessionStore(this);
		}

	}

}
