package dev.sessionkit.benchmarks.stores;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.memory.CaffeineSessionStore;
import dev.sessionkit.redis.RedissonSessionStore;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;
import org.redisson.spring.data.connection.RedissonConnectionFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Builds each {@link Store}'s repository without Spring's application context, as its
 * configuration would, for the repository-level benchmarks and measurements.
 */
public final class Repositories {

	private Repositories() {
	}

	/**
	 * Opens a store.
	 * @param store which store
	 * @param redis where a Redis store keeps its sessions; ignored by memory stores
	 * @return the repository and what to close after it
	 */
	public static Opened open(Store store, @Nullable RedisTarget redis) {
		List<AutoCloseable> resources = new ArrayList<>();
		return switch (store) {
			case KIT_MEMORY -> new Opened(
					Clients.kitDefaults(
							new SessionKitRepository(CaffeineSessionStore.builder().build(), Clients.kitCodec())),
					resources);
			case MAP -> new Opened(new MapSessionRepository(new ConcurrentHashMap<>()), resources);
			case KIT_REDIS -> {
				RedissonClient redisson = Clients.sessionKitRedisson(required(redis));
				resources.add(redisson::shutdown);
				RedissonSessionStore kitStore = RedissonSessionStore.builder(redisson)
					.keyPrefix(Clients.KIT_KEY_PREFIX)
					// -Dbench.near-cache=0 measures SessionKit without its near cache
					.nearCacheSize(Long.getLong("bench.near-cache", RedissonSessionStore.DEFAULT_NEAR_CACHE_SIZE))
					.build();
				yield new Opened(Clients.kitDefaults(new SessionKitRepository(kitStore, Clients.kitCodec())),
						resources);
			}
			case SSDR_JSON,
					SSDR_JDK ->
				new Opened(
						new RedisSessionRepository(
								Clients.ssdrTemplate(lettuce(required(redis), resources), serializer(store))),
						resources);
			case SSDR_INDEXED_JSON, SSDR_INDEXED_JDK -> {
				RedisSerializer<Object> serializer = serializer(store);
				RedisIndexedSessionRepository repository = new RedisIndexedSessionRepository(
						Clients.ssdrTemplate(lettuce(required(redis), resources), serializer));
				if (serializer != null) {
					repository.setDefaultSerializer(serializer);
				}
				repository.setDatabase(required(redis).database());
				repository.afterPropertiesSet();
				resources.add(0, repository::destroy);
				yield new Opened(repository, resources);
			}
			case SSDR_REDISSON -> {
				RedissonClient redisson = Clients.defaultRedisson(required(redis));
				resources.add(redisson::shutdown);
				RedisConnectionFactory factory = new RedissonConnectionFactory(redisson);
				RedisTemplate<String, Object> template = Clients.ssdrTemplate(factory, serializer(store));
				yield new Opened(new RedisSessionRepository(template), resources);
			}
		};
	}

	/**
	 * Returns the value serializer of a Spring Session Data Redis store.
	 * @param store the store
	 * @return the JSON serializer, or {@code null} for JDK serialization (Spring's
	 * default)
	 */
	public static @Nullable RedisSerializer<Object> serializer(Store store) {
		return switch (store) {
			case SSDR_JSON, SSDR_INDEXED_JSON, SSDR_REDISSON -> Clients.ssdrJson();
			default -> null;
		};
	}

	private static LettuceConnectionFactory lettuce(RedisTarget redis, List<AutoCloseable> resources) {
		ClientResources clientResources = RedisTraffic.lettuceResources();
		LettuceConnectionFactory factory = Clients.lettuce(redis, clientResources);
		resources.add(factory::destroy);
		resources.add(clientResources::shutdown);
		return factory;
	}

	private static RedisTarget required(@Nullable RedisTarget redis) {
		if (redis == null) {
			throw new IllegalArgumentException("This store needs a Redis server");
		}
		return redis;
	}

	/**
	 * An open store: its repository, and the clients to close after it.
	 */
	public static final class Opened implements AutoCloseable {

		private final SessionRepository<? extends Session> repository;

		private final List<AutoCloseable> resources;

		Opened(SessionRepository<? extends Session> repository, List<AutoCloseable> resources) {
			this.repository = repository;
			this.resources = resources;
		}

		/**
		 * Returns the repository.
		 * @return the repository
		 */
		public SessionRepository<? extends Session> repository() {
			return this.repository;
		}

		@Override
		public void close() {
			for (AutoCloseable resource : this.resources) {
				try {
					resource.close();
				}
				catch (Exception ex) {
					// closing the rest matters more
				}
			}
		}

	}

}
