package dev.sessionkit.benchmarks.app;

import java.util.concurrent.ConcurrentHashMap;

import dev.sessionkit.benchmarks.stores.Clients;
import dev.sessionkit.benchmarks.stores.RedisTarget;
import dev.sessionkit.benchmarks.stores.RedisTraffic;
import dev.sessionkit.benchmarks.stores.Repositories;
import dev.sessionkit.benchmarks.stores.Store;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.memory.CaffeineSessionStore;
import dev.sessionkit.redis.RedissonSessionStore;
import io.lettuce.core.resource.ClientResources;
import jakarta.servlet.Filter;
import org.redisson.api.RedissonClient;
import org.redisson.spring.data.connection.RedissonConnectionFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * One configuration per store, chosen by {@code bench.store}. SessionKit's stores are
 * wired as its starter wires them (event publisher, 256 KB size limit, Redisson pool of
 * 16, a sweeper); the peers through Spring Session's own annotations, with a connection
 * factory and, for JSON, a {@code springSessionDefaultRedisSerializer} bean.
 */
final class StoreConfigurations {

	private StoreConfigurations() {
	}

	static RedisTarget redis(String host, int port, String store) {
		return new RedisTarget(host, port, Store.of(store).database());
	}

	@Configuration(proxyBeanMethods = false)
	@OnStore(Store.MAP)
	@EnableSpringHttpSession
	static class MapConfiguration {

		@Bean
		MapSessionRepository sessionRepository() {
			return new MapSessionRepository(new ConcurrentHashMap<>());
		}

	}

	/**
	 * What SessionKit's starter adds around Spring Session's filter for its own stores:
	 * the repository's request scope, so that the filter's repeated lookups of a session
	 * cost one store operation.
	 */
	@Configuration(proxyBeanMethods = false)
	@OnStore({ Store.KIT_MEMORY, Store.KIT_REDIS })
	static class KitRequestScopeConfiguration {

		@Bean
		FilterRegistrationBean<Filter> sessionKitRequestScope(SessionKitRepository repository) {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				try (SessionKitRepository.RequestScope scope = repository.openRequestScope()) {
					chain.doFilter(request, response);
				}
			});
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore(Store.KIT_MEMORY)
	@EnableSpringHttpSession
	static class KitMemoryConfiguration {

		@Bean
		SessionKitRepository sessionRepository(ApplicationEventPublisher publisher) {
			SessionKitRepository repository = new SessionKitRepository(CaffeineSessionStore.builder().build(),
					Clients.kitCodec());
			repository.setApplicationEventPublisher(publisher);
			return Clients.kitDefaults(repository);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore(Store.KIT_REDIS)
	@EnableSpringHttpSession
	@EnableScheduling
	static class KitRedisConfiguration {

		@Bean(destroyMethod = "shutdown")
		RedissonClient redissonClient(@Value("${bench.redis.host:127.0.0.1}") String host,
				@Value("${bench.redis.port}") int port, @Value("${bench.store}") String store) {
			return Clients.sessionKitRedisson(redis(host, port, store));
		}

		@Bean
		SessionKitRepository sessionKitRepository(RedissonClient redisson, ApplicationEventPublisher publisher) {
			RedissonSessionStore store = RedissonSessionStore.builder(redisson)
				.keyPrefix(Clients.KIT_KEY_PREFIX)
				.build();
			SessionKitRepository repository = new SessionKitRepository(store, Clients.kitCodec());
			repository.setApplicationEventPublisher(publisher);
			return Clients.kitDefaults(repository);
		}

		@Bean
		Sweeper sessionKitSweeper(SessionKitRepository repository) {
			return new Sweeper(repository);
		}

	}

	/**
	 * Reports expired sessions once a minute, at second 0 like the indexed peer's cleanup
	 * job, so that the count windows of the benchmark can avoid both.
	 */
	static final class Sweeper {

		private final SessionKitRepository repository;

		Sweeper(SessionKitRepository repository) {
			this.repository = repository;
		}

		@Scheduled(cron = "0 * * * * *")
		void sweep() {
			this.repository.cleanUpExpiredSessions();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore({ Store.SSDR_JSON, Store.SSDR_JDK, Store.SSDR_REDISSON })
	@EnableRedisHttpSession
	static class SsdrConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore({ Store.SSDR_INDEXED_JSON, Store.SSDR_INDEXED_JDK })
	@EnableRedisIndexedHttpSession
	static class SsdrIndexedConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore({ Store.SSDR_JSON, Store.SSDR_INDEXED_JSON, Store.SSDR_REDISSON })
	static class SsdrJsonConfiguration {

		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer(@Value("${bench.store}") String store) {
			return Repositories.serializer(Store.of(store));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore({ Store.SSDR_JSON, Store.SSDR_JDK, Store.SSDR_INDEXED_JSON, Store.SSDR_INDEXED_JDK })
	static class LettuceConfiguration {

		@Bean(destroyMethod = "shutdown")
		ClientResources lettuceClientResources() {
			return RedisTraffic.lettuceResources();
		}

		@Bean
		LettuceConnectionFactory redisConnectionFactory(ClientResources resources,
				@Value("${bench.redis.host:127.0.0.1}") String host, @Value("${bench.redis.port}") int port,
				@Value("${bench.store}") String store) {
			return Clients.lettuce(redis(host, port, store), resources);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@OnStore(Store.SSDR_REDISSON)
	static class RedissonFactoryConfiguration {

		@Bean(destroyMethod = "shutdown")
		RedissonClient redissonClient(@Value("${bench.redis.host:127.0.0.1}") String host,
				@Value("${bench.redis.port}") int port, @Value("${bench.store}") String store) {
			return Clients.defaultRedisson(redis(host, port, store));
		}

		@Bean
		RedissonConnectionFactory redisConnectionFactory(RedissonClient redisson) {
			return new RedissonConnectionFactory(redisson);
		}

	}

}
