package dev.sessionkit.benchmarks.stores;

import java.util.Arrays;
import java.util.List;

/**
 * The session stores measured side by side: SessionKit's two and the peers Spring teams
 * use today, all holding the same {@link dev.sessionkit.benchmarks.payload.Payload}.
 */
public enum Store {

	/** SessionKit's memory store: {@code SessionKitRepository} over Caffeine. */
	KIT_MEMORY("kit-memory", "SessionKit memory (Caffeine)", "SessionKit memory", false),

	/** Spring Session's {@code MapSessionRepository} over a {@code ConcurrentHashMap}. */
	MAP("map", "Spring Session MapSessionRepository", "MapSessionRepository", false),

	/** SessionKit's Redis store: {@code SessionKitRepository} over Redisson. */
	KIT_REDIS("kit-redis", "SessionKit Redis (Redisson)", "SessionKit Redis", true),

	/**
	 * Spring Session Data Redis's default {@code RedisSessionRepository}, Lettuce,
	 * Jackson 3 JSON: the reference of every ratio.
	 */
	SSDR_JSON("ssdr-json", "SSDR RedisSessionRepository, Lettuce, JSON", "SSDR default, JSON", true),

	/** The same with Spring Session's default JDK serialization. */
	SSDR_JDK("ssdr-jdk", "SSDR RedisSessionRepository, Lettuce, JDK", "SSDR default, JDK", true),

	/**
	 * Spring Session Data Redis's {@code RedisIndexedSessionRepository}, Lettuce, JSON.
	 */
	SSDR_INDEXED_JSON("ssdr-indexed-json", "SSDR RedisIndexedSessionRepository, Lettuce, JSON", "SSDR indexed, JSON",
			true),

	/** The same with JDK serialization. */
	SSDR_INDEXED_JDK("ssdr-indexed-jdk", "SSDR RedisIndexedSessionRepository, Lettuce, JDK", "SSDR indexed, JDK", true),

	/**
	 * {@code RedisSessionRepository} over Redisson's Spring Data connection factory
	 * ({@code redisson-spring-data-41}), JSON: what Redisson 4 recommends since it
	 * dropped its own Spring Session support.
	 */
	SSDR_REDISSON("ssdr-redisson", "SSDR RedisSessionRepository, Redisson factory, JSON", "SSDR on Redisson, JSON",
			true);

	/** The store every ratio is relative to. */
	public static final Store REFERENCE = SSDR_JSON;

	private final String id;

	private final String label;

	private final String shortLabel;

	private final boolean redis;

	Store(String id, String label, String shortLabel, boolean redis) {
		this.id = id;
		this.label = label;
		this.shortLabel = shortLabel;
		this.redis = redis;
	}

	/**
	 * Returns the short name used on command lines and in file names.
	 * @return the id, such as {@code kit-redis}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Returns the name shown in tables.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Returns the name shown in charts.
	 * @return a short label
	 */
	public String shortLabel() {
		return this.shortLabel;
	}

	/**
	 * Whether the store keeps sessions in Redis.
	 * @return {@code true} for Redis stores
	 */
	public boolean redis() {
		return this.redis;
	}

	/**
	 * Whether this is one of SessionKit's stores.
	 * @return {@code true} for SessionKit
	 */
	public boolean sessionKit() {
		return this == KIT_MEMORY || this == KIT_REDIS;
	}

	/**
	 * Whether this store uses Spring Session Data Redis's default repository, the one the
	 * throughput target compares with.
	 * @return {@code true} for {@code RedisSessionRepository} over Lettuce
	 */
	public boolean ssdrDefaultRepository() {
		return this == SSDR_JSON || this == SSDR_JDK;
	}

	/**
	 * Returns the Redis database this store uses, so that stores sharing one server keep
	 * apart, and the indexed repositories hear only their own keyspace events.
	 * @return the database index
	 */
	public int database() {
		return ordinal() + 1;
	}

	/**
	 * Finds a store by its id.
	 * @param id the id
	 * @return the store
	 */
	public static Store of(String id) {
		for (Store store : values()) {
			if (store.id.equals(id)) {
				return store;
			}
		}
		throw new IllegalArgumentException("Unknown store '" + id + "'; known: " + ids(List.of(values())));
	}

	/**
	 * Parses a comma-separated list of store ids; {@code all} or blank for every store.
	 * @param ids the ids
	 * @return the stores
	 */
	public static List<Store> list(String ids) {
		if (ids == null || ids.isBlank() || ids.equals("all")) {
			return List.of(values());
		}
		return Arrays.stream(ids.split(",")).map(String::trim).map(Store::of).toList();
	}

	/**
	 * Joins store ids with commas.
	 * @param stores the stores
	 * @return the ids
	 */
	public static String ids(List<Store> stores) {
		return String.join(",", stores.stream().map(Store::id).toList());
	}

}
