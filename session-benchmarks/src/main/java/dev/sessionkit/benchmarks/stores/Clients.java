package dev.sessionkit.benchmarks.stores;

import java.util.List;

import dev.sessionkit.benchmarks.payload.Payload;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Redis clients, codecs and serializers configured as each store's users would:
 * SessionKit with the starter's defaults, the peers with their libraries' defaults. Every
 * client counts its traffic in {@link RedisTraffic}.
 */
public final class Clients {

	/** The package whose types the session holds. */
	public static final String PAYLOAD_PACKAGE = Payload.class.getPackageName();

	/** SessionKit's key prefix in the benchmarks. */
	public static final String KIT_KEY_PREFIX = "sessionkit:bench:";

	/** The starter's default largest session, 256 KB. */
	public static final long KIT_MAX_SESSION_SIZE = 256 * 1024;

	private Clients() {
	}

	/**
	 * Returns a Redisson client with the settings of SessionKit's starter: a pool of 8
	 * connections (2 kept idle; under 10, so concurrent commands share connections), 2 s
	 * timeout, 3 retries, a keep-alive PING every 5 s, as many I/O threads as processors
	 * (at least 2), no Redisson object references. The system property
	 * {@code bench.redis.pool} changes the pool size, to compare with the starter's
	 * earlier default of 16, where each command holds its connection until the reply.
	 * @param target the server and database
	 * @return the client; shut it down when done
	 */
	public static RedissonClient sessionKitRedisson(RedisTarget target) {
		Config config = new Config();
		config.setNettyHook(RedisTraffic.redissonHook());
		config.setNettyThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
		config.setReferenceEnabled(false);
		config.useSingleServer()
			.setAddress(target.url())
			.setDatabase(target.database())
			.setConnectionPoolSize(Integer.getInteger("bench.redis.pool", 8))
			.setConnectionMinimumIdleSize(2)
			.setTimeout(2_000)
			.setRetryAttempts(3)
			.setPingConnectionInterval(5_000);
		return Redisson.create(config);
	}

	/**
	 * Returns a Redisson client as Redisson's documentation configures one for its Spring
	 * Data connection factory: the address and database, defaults otherwise.
	 * @param target the server and database
	 * @return the client; shut it down when done
	 */
	public static RedissonClient defaultRedisson(RedisTarget target) {
		Config config = new Config();
		config.setNettyHook(RedisTraffic.redissonHook());
		config.useSingleServer().setAddress(target.url()).setDatabase(target.database());
		return Redisson.create(config);
	}

	/**
	 * Returns a started Lettuce connection factory with Spring Data Redis's defaults (one
	 * shared native connection).
	 * @param target the server and database
	 * @param resources the client resources, from {@link RedisTraffic#lettuceResources()}
	 * @return the factory; destroy it, then shut the resources down
	 */
	public static LettuceConnectionFactory lettuce(RedisTarget target, ClientResources resources) {
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(target.host(), target.port());
		server.setDatabase(target.database());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server,
				LettuceClientConfiguration.builder().clientResources(resources).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * Returns SessionKit's JSON codec allowing the payload's package, as
	 * {@code sessionkit.allowed-packages} would.
	 * @return the codec
	 */
	public static AttributeCodec kitCodec() {
		return AttributeCodec.json(List.of(PAYLOAD_PACKAGE), Clients.class.getClassLoader());
	}

	/**
	 * Applies the starter's defaults to a SessionKit repository. The system property
	 * {@code bench.decoded-value-cache} (characters, 0 for none) changes the
	 * decoded-value cache, to compare with and without it.
	 * @param repository the repository
	 * @return the repository
	 */
	public static SessionKitRepository kitDefaults(SessionKitRepository repository) {
		repository.setMaxSessionSize(KIT_MAX_SESSION_SIZE);
		repository.setDecodedValueCacheSize(
				Long.getLong("bench.decoded-value-cache", SessionKitRepository.DEFAULT_DECODED_VALUE_CACHE_SIZE));
		return repository;
	}

	/**
	 * Returns Spring Data Redis's Jackson 3 serializer with default typing limited to an
	 * allowlist (the payload's package and the JDK's collections and value types), the
	 * way Spring Session's documentation asks for JSON sessions.
	 * @return the serializer
	 */
	public static RedisSerializer<Object> ssdrJson() {
		BasicPolymorphicTypeValidator types = BasicPolymorphicTypeValidator.builder()
			.allowIfSubType(PAYLOAD_PACKAGE + ".")
			.allowIfSubType("java.util.")
			.allowIfSubType("java.lang.")
			.build();
		return GenericJacksonJsonRedisSerializer.builder().enableDefaultTyping(types).build();
	}

	/**
	 * Returns the template Spring Session Data Redis's configuration builds: String keys
	 * and hash keys, values with the given serializer or, when {@code null}, JDK
	 * serialization.
	 * @param factory the connection factory
	 * @param valueSerializer the value serializer, or {@code null} for Spring's default
	 * @return the template
	 */
	public static RedisTemplate<String, Object> ssdrTemplate(RedisConnectionFactory factory,
			@Nullable RedisSerializer<Object> valueSerializer) {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setKeySerializer(RedisSerializer.string());
		template.setHashKeySerializer(RedisSerializer.string());
		if (valueSerializer != null) {
			template.setDefaultSerializer(valueSerializer);
		}
		template.setConnectionFactory(factory);
		template.setBeanClassLoader(Clients.class.getClassLoader());
		template.afterPropertiesSet();
		return template;
	}

}
