package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
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
		 * TLS. With store "auto", setting it selects the Redis store. Environment
		 * variable alias: REDIS_URL, below every other source of sessionkit.redis.url.
		 */
		private @Nullable String url;

		/**
		 * Prefix of every key the Redis store writes, so that several applications can
		 * share one Redis database. Environment variable alias: REDIS_PREFIX, below every
		 * other source of sessionkit.redis.key-prefix.
		 */
		private String keyPrefix = "sessionkit:";

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
