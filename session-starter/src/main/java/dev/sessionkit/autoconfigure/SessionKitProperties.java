package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of SessionKit, under {@code sessionkit}. The cookie is
 * configured with Spring Boot's {@code server.servlet.session.cookie.*} properties.
 */
@ConfigurationProperties("sessionkit")
public class SessionKitProperties {

	/**
	 * Session store to use. "auto" picks Redis when a Redis URL is configured and memory
	 * otherwise. Environment variable alias: SESSION_STORE, below every other source of
	 * sessionkit.store.
	 */
	private Store store = Store.AUTO;

	/**
	 * How long a session lives without requests; a negative value means sessions never
	 * expire. Defaults to spring.session.timeout, then server.servlet.session.timeout (30
	 * minutes). Environment variable alias: SESSION_TTL_SECONDS (in seconds), below every
	 * other source of sessionkit.timeout.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration timeout;

	/**
	 * Largest encoded size of one session: attribute names and JSON values together. A
	 * request whose session grows past it fails instead of saving it. Must not be
	 * negative.
	 */
	private DataSize maxSessionSize = DataSize.ofKilobytes(256);

	/**
	 * How much JSON (attribute values as stored) the repository remembers the decoded
	 * values of, so that reading the same value again copies it instead of decoding it.
	 * Only values of known structure are kept (strings, numbers, enums, java.time values,
	 * records of those, and lists, sets and maps of them); every request still gets its
	 * own copy. It serves values read from Redis that this instance did not just save:
	 * the memory store, and the Redis store's near cache for what this instance saved,
	 * keep such values without decoding. 0 turns it off.
	 */
	private DataSize decodedValueCache = DataSize.ofMegabytes(16);

	/**
	 * Packages, with their sub-packages, whose classes may be stored in sessions, such as
	 * com.example.shop. JDK value types and collections, and Spring Security's types when
	 * it is present, are always allowed.
	 */
	private List<String> allowedPackages = new ArrayList<>();

	/**
	 * When session changes are written to the store: on save at the end of the request,
	 * or immediately.
	 */
	private FlushMode flushMode = FlushMode.ON_SAVE;

	/**
	 * Which attributes a save writes: the ones set, also the ones read, or always all.
	 */
	private SaveMode saveMode = SaveMode.ON_SET_ATTRIBUTE;

	private final Memory memory = new Memory();

	private final Redis redis = new Redis();

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public DataSize getMaxSessionSize() {
		return this.maxSessionSize;
	}

	public void setMaxSessionSize(DataSize maxSessionSize) {
		this.maxSessionSize = maxSessionSize;
	}

	public DataSize getDecodedValueCache() {
		return this.decodedValueCache;
	}

	public void setDecodedValueCache(DataSize decodedValueCache) {
		this.decodedValueCache = decodedValueCache;
	}

	public List<String> getAllowedPackages() {
		return this.allowedPackages;
	}

	public void setAllowedPackages(List<String> allowedPackages) {
		this.allowedPackages = allowedPackages;
	}

	public FlushMode getFlushMode() {
		return this.flushMode;
	}

	public void setFlushMode(FlushMode flushMode) {
		this.flushMode = flushMode;
	}

	public SaveMode getSaveMode() {
		return this.saveMode;
	}

	public void setSaveMode(SaveMode saveMode) {
		this.saveMode = saveMode;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The session stores to choose from.
	 */
	public enum Store {

		/**
		 * Redis when a Redis URL is configured, memory otherwise.
		 */
		AUTO,

		/**
		 * The memory store, on Caffeine.
		 */
		MEMORY,

		/**
		 * The Redis store.
		 */
		REDIS

	}

	/**
	 * Properties of the memory store.
	 */
	public static class Memory {

		/**
		 * Most sessions kept in memory; past it the least valuable sessions are evicted
		 * and reported as expired. -1 for no limit; 0 is not allowed.
		 */
		private long maximumSessions = -1;

		public long getMaximumSessions() {
			return this.maximumSessions;
		}

		public void setMaximumSessions(long maximumSessions) {
			this.maximumSessions = maximumSessions;
		}

	}

	/**
	 * Properties of the Redis store.
	 */
	public static class Redis {

		/**
		 * Redis server URL, such as redis://user:password@host:6379/0, or rediss:// for
		 * TLS. With store "auto", setting it (or host) selects the Redis store.
		 * Environment variable alias: REDIS_URL, below every other source of
		 * sessionkit.redis.url.
		 */
		private @Nullable String url;

		/**
		 * Redis server host, when no URL is given. Environment variable alias:
		 * REDIS_HOST.
		 */
		private @Nullable String host;

		/**
		 * Redis server port, when no URL is given. Environment variable alias:
		 * REDIS_PORT.
		 */
		private int port = 6379;

		/**
		 * User name for Redis ACL authentication, when no URL is given.
		 */
		private @Nullable String username;

		/**
		 * Password of the Redis server, when no URL is given. Environment variable alias:
		 * REDIS_PASSWORD. Never logged.
		 */
		private @Nullable String password;

		/**
		 * Database index, when no URL names one. Environment variable alias: REDIS_DB.
		 */
		private int database;

		/**
		 * Whether to connect with TLS; a rediss:// URL turns it on.
		 */
		private boolean ssl;

		/**
		 * Prefix of every key the Redis store writes, so that several applications can
		 * share one Redis database. Environment variable alias: REDIS_PREFIX, below every
		 * other source of sessionkit.redis.key-prefix.
		 */
		private String keyPrefix = "sessionkit:";

		/**
		 * Name that follows the prefix in every key, so keys read
		 * {prefix}{application}:sessions:{id}. Defaults to spring.application.name; empty
		 * for none.
		 */
		private @Nullable String application;

		/**
		 * Redisson configuration file (YAML). When set, it configures the connection
		 * instead of the url, host, sentinel and cluster properties.
		 */
		private @Nullable Resource config;

		/**
		 * How long to wait for Redis to answer a command before it counts as failed.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How long to wait for a connection to Redis to open.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * How often idle connections are checked with PING, so a dead connection is
		 * noticed and replaced; 0 turns it off.
		 */
		private Duration pingInterval = Duration.ofSeconds(5);

		/**
		 * Most connections to each Redis node. Below 10, Redisson returns a connection to
		 * the pool as soon as a command is written, so concurrent requests pipeline their
		 * commands over a few shared connections, which costs Redis and the client fewer
		 * system calls per command; from 10 up, each command holds its connection until
		 * the reply.
		 */
		private int connectionPoolSize = 8;

		/**
		 * Connections to each Redis node kept open while idle.
		 */
		private int connectionMinimumIdleSize = 2;

		/**
		 * Threads that do the client's network I/O; 0 means as many as there are
		 * processors, at least 2. More threads than cores only add context switches.
		 */
		private int ioThreads;

		/**
		 * Attribute names and values, in characters, of the sessions this instance loaded
		 * or saved lately that it keeps, so that loading a session that nobody changed
		 * since costs a reply of a few bytes instead of its attributes. Each load still
		 * asks Redis, in its one script call, whether the copy is current. Values this
		 * instance saved are kept with a copyable template too, about as much heap again,
		 * so reading them back needs no decoding. 0 turns it off.
		 */
		private DataSize nearCache = DataSize.ofMegabytes(16);

		/**
		 * How often the instance holding the sweeper lock removes expired sessions and
		 * publishes their SessionExpiredEvent.
		 */
		private Duration sweepInterval = Duration.ofSeconds(10);

		/**
		 * How long Redis keeps an expired session's data for the sweeper to report it;
		 * past that, Redis deletes it by itself.
		 */
		private Duration gracePeriod = Duration.ofMinutes(5);

		private final Retry retry = new Retry();

		private final Sentinel sentinel = new Sentinel();

		private final Cluster cluster = new Cluster();

		private final Durability durability = new Durability();

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public int getDatabase() {
			return this.database;
		}

		public void setDatabase(int database) {
			this.database = database;
		}

		public boolean isSsl() {
			return this.ssl;
		}

		public void setSsl(boolean ssl) {
			this.ssl = ssl;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public @Nullable String getApplication() {
			return this.application;
		}

		public void setApplication(@Nullable String application) {
			this.application = application;
		}

		public @Nullable Resource getConfig() {
			return this.config;
		}

		public void setConfig(@Nullable Resource config) {
			this.config = config;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getPingInterval() {
			return this.pingInterval;
		}

		public void setPingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
		}

		public int getConnectionPoolSize() {
			return this.connectionPoolSize;
		}

		public void setConnectionPoolSize(int connectionPoolSize) {
			this.connectionPoolSize = connectionPoolSize;
		}

		public int getConnectionMinimumIdleSize() {
			return this.connectionMinimumIdleSize;
		}

		public void setConnectionMinimumIdleSize(int connectionMinimumIdleSize) {
			this.connectionMinimumIdleSize = connectionMinimumIdleSize;
		}

		public int getIoThreads() {
			return this.ioThreads;
		}

		public void setIoThreads(int ioThreads) {
			this.ioThreads = ioThreads;
		}

		public DataSize getNearCache() {
			return this.nearCache;
		}

		public void setNearCache(DataSize nearCache) {
			this.nearCache = nearCache;
		}

		public Duration getSweepInterval() {
			return this.sweepInterval;
		}

		public void setSweepInterval(Duration sweepInterval) {
			this.sweepInterval = sweepInterval;
		}

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Sentinel getSentinel() {
			return this.sentinel;
		}

		public Cluster getCluster() {
			return this.cluster;
		}

		public Durability getDurability() {
			return this.durability;
		}

	}

	/**
	 * How a failed Redis command is retried before the request gets a 503.
	 */
	public static class Retry {

		/**
		 * Retries of a failed command; 0 for none.
		 */
		private int attempts = 3;

		/**
		 * Delay before the first retry; later ones grow exponentially, with jitter.
		 */
		private Duration initialDelay = Duration.ofMillis(100);

		/**
		 * Longest delay between two retries.
		 */
		private Duration maxDelay = Duration.ofSeconds(1);

		public int getAttempts() {
			return this.attempts;
		}

		public void setAttempts(int attempts) {
			this.attempts = attempts;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * Redis Sentinel: the store asks the sentinels for the current primary.
	 */
	public static class Sentinel {

		/**
		 * Name of the primary the sentinels monitor. Setting it selects Sentinel mode.
		 */
		private @Nullable String master;

		/**
		 * Sentinels, as host:port.
		 */
		private List<String> nodes = new ArrayList<>();

		/**
		 * Password of the sentinels themselves, if they require one.
		 */
		private @Nullable String password;

		public @Nullable String getMaster() {
			return this.master;
		}

		public void setMaster(@Nullable String master) {
			this.master = master;
		}

		public List<String> getNodes() {
			return this.nodes;
		}

		public void setNodes(List<String> nodes) {
			this.nodes = nodes;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * Redis Cluster.
	 */
	public static class Cluster {

		/**
		 * Some nodes of the cluster, as host:port; the rest are discovered. Setting them
		 * selects Cluster mode.
		 */
		private List<String> nodes = new ArrayList<>();

		public List<String> getNodes() {
			return this.nodes;
		}

		public void setNodes(List<String> nodes) {
			this.nodes = nodes;
		}

	}

	/**
	 * How durable a write must be before a save counts as done.
	 */
	public static class Durability {

		/**
		 * Replicas that must confirm each write (WAIT); 0 waits for none.
		 */
		private int replicas;

		/**
		 * Whether each write must also reach the append-only files (WAITAOF, Redis 7.2 or
		 * later): the primary's, and the replicas' counted by "replicas", which must be
		 * at least 1. For the primary's own file alone, run Redis with appendfsync
		 * always.
		 */
		private boolean aof;

		/**
		 * Longest wait for those confirmations; a write not confirmed in time fails the
		 * request with a 503, although the primary applied it.
		 */
		private Duration timeout = Duration.ofSeconds(1);

		public int getReplicas() {
			return this.replicas;
		}

		public void setReplicas(int replicas) {
			this.replicas = replicas;
		}

		public boolean isAof() {
			return this.aof;
		}

		public void setAof(boolean aof) {
			this.aof = aof;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
