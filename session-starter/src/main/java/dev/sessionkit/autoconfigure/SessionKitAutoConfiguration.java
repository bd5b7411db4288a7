package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.sessionkit.autoconfigure.SessionKitProperties.Durability;
import dev.sessionkit.autoconfigure.SessionKitProperties.Redis;
import dev.sessionkit.autoconfigure.SessionKitProperties.Store;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.core.spi.SessionStoreException;
import dev.sessionkit.memory.CaffeineSessionStore;
import dev.sessionkit.redis.RedissonSessionStore;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.config.annotation.web.http.SpringHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of a SessionKit {@link SessionRepository}, and in a servlet web
 * application of Spring Session's {@code springSessionRepositoryFilter}, which Spring
 * Boot's {@link SessionAutoConfiguration} then registers and configures with the
 * {@code server.servlet.session.cookie.*} properties.
 * <p>
 * {@code sessionkit.store} selects the store; the default, {@code auto}, uses Redis when
 * {@code sessionkit.redis.url} is set and memory otherwise. Everything backs off when the
 * application defines its own {@link SessionRepository}. Properties reach the repository
 * through a {@link SessionRepositoryCustomizer} of the highest precedence, so that the
 * application's own customizers run after it and win.
 * <p>
 * The nested configurations are ordered: the stores register before the repository, so
 * that the stores' "no {@code SessionRepository} yet" condition sees only the
 * application's beans.
 */
@AutoConfiguration(before = SessionAutoConfiguration.class,
		beforeName = "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration")
@ConditionalOnClass(Session.class)
@EnableConfigurationProperties(SessionKitProperties.class)
public final class SessionKitAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SessionKitAutoConfiguration.class);

	/**
	 * The name of the memory store bean.
	 */
	static final String MEMORY_STORE_BEAN_NAME = "sessionKitCaffeineSessionStore";

	/**
	 * The name of the Redis store bean.
	 */
	static final String REDIS_STORE_BEAN_NAME = "sessionKitRedisSessionStore";

	/**
	 * The memory store, on Caffeine, unless the application defines a store.
	 */
	@Configuration(proxyBeanMethods = false)
	@Order(1)
	@ConditionalOnMissingBean(SessionRepository.class)
	@Conditional(MemoryStoreCondition.class)
	static class MemoryStoreConfiguration {

		@Bean(MEMORY_STORE_BEAN_NAME)
		@ConditionalOnMissingBean(SessionStore.class)
		CaffeineSessionStore sessionKitCaffeineSessionStore(SessionKitProperties properties) {
			long maximumSessions = properties.getMemory().getMaximumSessions();
			if (maximumSessions == 0 || maximumSessions < -1) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.memory.maximum-sessions",
						maximumSessions, "It must be at least 1, or -1 for no limit.");
			}
			return CaffeineSessionStore.builder().maximumSessions(maximumSessions).build();
		}

	}

	/**
	 * The Redis store, on a Redisson client of its own unless the application defines
	 * one, and the sweeper that reports expired sessions.
	 */
	@Configuration(proxyBeanMethods = false)
	@Order(2)
	@ConditionalOnMissingBean(SessionRepository.class)
	@Conditional(RedisStoreCondition.class)
	static class RedisStoreConfiguration {

		@Bean(destroyMethod = "shutdown")
		@ConditionalOnMissingBean
		RedissonClient sessionKitRedissonClient(SessionKitProperties properties,
				ObjectProvider<BootRedisConnection> bootConnection) {
			Redis redis = properties.getRedis();
			SslBundle ssl = null;
			BootRedisConnection boot = bootConnection.getIfAvailable();
			if (!namesAServer(redis) && boot != null) {
				ssl = boot.applyTo(redis);
			}
			RedisConnectionFactory connections = new RedisConnectionFactory(redis,
					(ssl != null) ? ssl.getManagers().getTrustManagerFactory() : null);
			logger.info("Configuring Redis session store... connecting to " + connections.describe());
			RedissonClient client = connections.connect();
			logger.info("Redis connected successfully: " + connections.describe());
			return client;
		}

		@Bean(REDIS_STORE_BEAN_NAME)
		@ConditionalOnMissingBean(SessionStore.class)
		RedissonSessionStore sessionKitRedisSessionStore(RedissonClient redisson, SessionKitProperties properties,
				Environment environment) {
			Redis redis = properties.getRedis();
			String keyPrefix = keyPrefix(redis, environment);
			if (redis.getNearCache().isNegative()) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.redis.near-cache",
						redis.getNearCache(), "It must not be negative; 0 turns the near cache off.");
			}
			RedissonSessionStore.Builder builder = RedissonSessionStore.builder(redisson)
				.keyPrefix(keyPrefix)
				.gracePeriod(redis.getGracePeriod())
				.nearCacheSize(redis.getNearCache().toBytes());
			Durability durability = redis.getDurability();
			if (durability.isAof()) {
				if (durability.getReplicas() < 1) {
					throw new InvalidConfigurationPropertyValueException("sessionkit.redis.durability.replicas",
							durability.getReplicas(),
							"sessionkit.redis.durability.aof=true waits for the append-only files of replicas and "
									+ "needs at least 1; for the primary's own file alone, run Redis with "
									+ "appendfsync always.");
				}
				builder.waitForAof(true, durability.getReplicas(), durability.getTimeout());
			}
			else if (durability.getReplicas() > 0) {
				builder.waitForReplicas(durability.getReplicas(), durability.getTimeout());
			}
			RedissonSessionStore store = builder.build();
			try {
				store.verifyAcknowledgements();
			}
			catch (SessionStoreException ex) {
				throw new RedisSetupException(
						"Redis does not acknowledge writes as sessionkit.redis.durability asks: " + ex.getMessage(),
						"WAITAOF (sessionkit.redis.durability.aof=true) needs Redis 7.2 or later with appendonly yes: "
								+ "upgrade Redis or turn the append-only file on, or set "
								+ "sessionkit.redis.durability.aof=false.",
						ex);
			}
			return store;
		}

		@Bean
		ExpirySweeper sessionKitExpirySweeper(SessionKitRepository repository, SessionKitProperties properties) {
			return new ExpirySweeper(repository, properties.getRedis().getSweepInterval());
		}

		/** Whether {@code sessionkit.redis.*} itself says where Redis is. */
		private static boolean namesAServer(Redis redis) {
			return StringUtils.hasText(redis.getUrl()) || StringUtils.hasText(redis.getHost())
					|| redis.getConfig() != null || StringUtils.hasText(redis.getSentinel().getMaster())
					|| !redis.getCluster().getNodes().isEmpty();
		}

		/**
		 * Spring Boot's Redis connection details, when {@code spring-boot-data-redis} is
		 * present.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = BootRedisConnection.DETAILS_CLASS)
		static class BootConnectionDetailsConfiguration {

			@Bean
			BootRedisConnection sessionKitBootRedisConnection(
					ObjectProvider<org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails> details) {
				return new BootRedisConnection(details);
			}

		}

		/**
		 * Returns the namespace of every key: the prefix, then the application name and a
		 * colon when there is one.
		 */
		static String keyPrefix(Redis redis, Environment environment) {
			String application = redis.getApplication();
			if (application == null) {
				application = environment.getProperty("spring.application.name", "");
			}
			String prefix = redis.getKeyPrefix() + (application.isBlank() ? "" : application.trim() + ":");
			if (prefix.contains("{") || prefix.contains("}")) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.redis.key-prefix", prefix,
						"Braces would change the Redis Cluster hash tag of session keys.");
			}
			return prefix;
		}

	}

	/**
	 * The repository over whichever store is configured, and in a servlet application
	 * Spring Session's filter and the 503 answer for an unavailable store.
	 */
	@Configuration(proxyBeanMethods = false)
	@Order(3)
	@ConditionalOnMissingBean(SessionRepository.class)
	static class RepositoryConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SessionRepositoryCustomizer<SessionKitRepository> sessionKitPropertiesCustomizer(
				SessionKitProperties properties, ObjectProvider<SessionTimeout> sessionTimeout) {
			return new PropertiesCustomizer(properties, sessionTimeout.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		SessionKitRepository sessionRepository(SessionStore store, SessionKitProperties properties,
				ObjectProvider<SessionRepositoryCustomizer<SessionKitRepository>> customizers,
				ObjectProvider<SessionIdGenerator> sessionIdGenerator, ObjectProvider<SessionTimeout> sessionTimeout,
				ApplicationEventPublisher eventPublisher, ResourceLoader resourceLoader, BeanFactory beanFactory,
				Environment environment) {
			SessionKitRepository repository = new SessionKitRepository(store, codec(properties, resourceLoader));
			repository.setApplicationEventPublisher(eventPublisher);
			sessionIdGenerator.ifAvailable(repository::setSessionIdGenerator);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(repository));
			if (logger.isInfoEnabled()) {
				logger.info(describe(properties, sessionTimeout.getIfAvailable(), store, beanFactory, environment));
			}
			return repository;
		}

		private static AttributeCodec codec(SessionKitProperties properties, ResourceLoader resourceLoader) {
			ClassLoader classLoader = resourceLoader.getClassLoader();
			if (classLoader == null) {
				classLoader = ClassUtils.getDefaultClassLoader();
			}
			if (classLoader == null) {
				classLoader = SessionKitAutoConfiguration.class.getClassLoader();
			}
			try {
				return AttributeCodec.json(properties.getAllowedPackages(), classLoader);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.allowed-packages",
						String.join(",", properties.getAllowedPackages()), ex.getMessage(), ex);
			}
		}

		/**
		 * Describes the store and its settings as the properties set them; the
		 * application's customizers may change them afterwards.
		 */
		private static String describe(SessionKitProperties properties, @Nullable SessionTimeout sessionTimeout,
				SessionStore store, BeanFactory beanFactory, Environment environment) {
			String timeout = Descriptions.timeout(timeout(properties, sessionTimeout));
			StringBuilder description = new StringBuilder("SessionKit: using the ");
			if (isOwn(beanFactory, MEMORY_STORE_BEAN_NAME, store)) {
				long maximumSessions = properties.getMemory().getMaximumSessions();
				description.append("memory session store (Caffeine), timeout ")
					.append(timeout)
					.append(", max sessions ")
					.append((maximumSessions < 0) ? "unbounded" : String.valueOf(maximumSessions));
			}
			else if (isOwn(beanFactory, REDIS_STORE_BEAN_NAME, store)) {
				description.append("Redis session store (Redisson) at ")
					.append(new RedisConnectionFactory(properties.getRedis(), null).describe())
					.append(", key prefix ")
					.append(RedisStoreConfiguration.keyPrefix(properties.getRedis(), environment))
					.append(", timeout ")
					.append(timeout);
			}
			else {
				description
					.append((store instanceof CaffeineSessionStore) ? "memory session store (Caffeine)"
							: "session store " + store.getClass().getSimpleName())
					.append(", timeout ")
					.append(timeout)
					.append(", store defined by the application");
			}
			description.append(", max session size ").append(Descriptions.size(properties.getMaxSessionSize()));
			return description.toString();
		}

		private static boolean isOwn(BeanFactory beanFactory, String beanName, SessionStore store) {
			return beanFactory.containsBean(beanName) && beanFactory.getBean(beanName) == store;
		}

		/**
		 * Spring Session's {@code springSessionRepositoryFilter}, and SessionKit's
		 * request filter around it (one lookup per session per request, 503 when the
		 * store cannot be reached).
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.SERVLET)
		@Import(SpringHttpSessionConfiguration.class)
		static class ServletConfiguration {

			@Bean
			FilterRegistrationBean<SessionKitRequestFilter> sessionKitRequestFilter(SessionKitRepository repository) {
				FilterRegistrationBean<SessionKitRequestFilter> registration = new FilterRegistrationBean<>(
						new SessionKitRequestFilter(repository));
				registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
				registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
				return registration;
			}

			@Configuration(proxyBeanMethods = false)
			@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
			static class MvcConfiguration {

				@Bean
				SessionStoreUnavailableExceptionResolver sessionKitUnavailableExceptionResolver() {
					return new SessionStoreUnavailableExceptionResolver();
				}

			}

		}

	}

	/**
	 * Returns the timeout of new sessions: {@code sessionkit.timeout}, else Spring Boot's
	 * {@link SessionTimeout}, else Spring Session's default of 30 minutes.
	 */
	static Duration timeout(SessionKitProperties properties, @Nullable SessionTimeout sessionTimeout) {
		Duration timeout = properties.getTimeout();
		if (timeout == null && sessionTimeout != null) {
			timeout = sessionTimeout.getTimeout();
		}
		return (timeout != null) ? timeout : Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS);
	}

	/**
	 * Applies the {@code sessionkit.*} properties and the session timeout to the
	 * repository.
	 */
	static final class PropertiesCustomizer implements SessionRepositoryCustomizer<SessionKitRepository> {

		private final SessionKitProperties properties;

		private final @Nullable SessionTimeout sessionTimeout;

		PropertiesCustomizer(SessionKitProperties properties, @Nullable SessionTimeout sessionTimeout) {
			Duration timeout = properties.getTimeout();
			if (timeout != null && timeout.isZero()) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.timeout", timeout,
						"A zero timeout would expire every session at once; use a negative value for sessions "
								+ "that never expire.");
			}
			if (properties.getMaxSessionSize().isNegative()) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.max-session-size",
						properties.getMaxSessionSize(), "It must not be negative.");
			}
			if (properties.getDecodedValueCache().isNegative()) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.decoded-value-cache",
						properties.getDecodedValueCache(), "It must not be negative; 0 turns the cache off.");
			}
			this.properties = properties;
			this.sessionTimeout = sessionTimeout;
		}

		@Override
		public void customize(SessionKitRepository repository) {
			PropertyMapper map = PropertyMapper.get();
			map.from(timeout(this.properties, this.sessionTimeout)).to(repository::setDefaultMaxInactiveInterval);
			map.from(this.properties::getFlushMode).to(repository::setFlushMode);
			map.from(this.properties::getSaveMode).to(repository::setSaveMode);
			map.from(this.properties::getMaxSessionSize).as((size) -> size.toBytes()).to(repository::setMaxSessionSize);
			map.from(this.properties::getDecodedValueCache)
				.as((size) -> size.toBytes())
				.to(repository::setDecodedValueCacheSize);
		}

	}

	/**
	 * Matches when {@code sessionkit.store} selects the given store.
	 */
	abstract static class StoreCondition extends SpringBootCondition {

		/** Properties that, when set, say Redis is configured, so "auto" picks it. */
		private static final List<String> REDIS_LOCATIONS = List.of("sessionkit.redis.url", "sessionkit.redis.host",
				"sessionkit.redis.sentinel.master", "sessionkit.redis.cluster.nodes", "sessionkit.redis.config",
				"spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.sentinel.master",
				"spring.data.redis.cluster.nodes[0]", "spring.data.redis.cluster.nodes");

		private final Store store;

		StoreCondition(Store store) {
			this.store = store;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("SessionKit " + this.store + " store");
			Store selected = selectedStore(context);
			if (selected == this.store) {
				return ConditionOutcome.match(message.because("sessionkit.store selects it"));
			}
			return ConditionOutcome.noMatch(message.because("sessionkit.store selects the " + selected + " store"));
		}

		/**
		 * Returns the store that {@code sessionkit.store} selects, {@code auto} resolved.
		 */
		static Store selectedStore(ConditionContext context) {
			Binder binder = Binder.get(context.getEnvironment());
			Store store = binder.bind("sessionkit.store", Store.class).orElse(Store.AUTO);
			if (store != Store.AUTO) {
				return store;
			}
			for (String property : REDIS_LOCATIONS) {
				if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
					return Store.REDIS;
				}
			}
			return hasServiceConnection(context) ? Store.REDIS : Store.MEMORY;
		}

		/**
		 * Whether the application has Redis connection details other than Spring Boot's
		 * defaults from properties: a {@code @ServiceConnection} or a Docker Compose
		 * service.
		 */
		private static boolean hasServiceConnection(ConditionContext context) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			if (beanFactory == null
					|| !ClassUtils.isPresent(BootRedisConnection.DETAILS_CLASS, context.getClassLoader())) {
				return false;
			}
			Class<?> type = ClassUtils.resolveClassName(BootRedisConnection.DETAILS_CLASS, context.getClassLoader());
			for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
				Class<?> beanType = beanFactory.getType(name, false);
				if (beanType == null || !beanType.getName().endsWith(".PropertiesDataRedisConnectionDetails")) {
					return true;
				}
			}
			return false;
		}

	}

	static final class MemoryStoreCondition extends StoreCondition {

		MemoryStoreCondition() {
			super(Store.MEMORY);
		}

	}

	static final class RedisStoreCondition extends StoreCondition {

		RedisStoreCondition() {
			super(Store.REDIS);
		}

	}

}
