package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import dev.sessionkit.autoconfigure.SessionKitProperties.Store;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.memory.CaffeineSessionStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
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
	 * The memory store, on Caffeine: a {@link CaffeineSessionStore} unless the
	 * application defines one, and the repository over it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SessionRepository.class)
	@Conditional(MemoryStoreCondition.class)
	static class MemoryStoreConfiguration {

		@Bean(MEMORY_STORE_BEAN_NAME)
		@ConditionalOnMissingBean
		CaffeineSessionStore sessionKitCaffeineSessionStore(SessionKitProperties properties) {
			long maximumSessions = properties.getMemory().getMaximumSessions();
			if (maximumSessions == 0 || maximumSessions < -1) {
				throw new InvalidConfigurationPropertyValueException("sessionkit.memory.maximum-sessions",
						maximumSessions, "It must be at least 1, or -1 for no limit.");
			}
			return CaffeineSessionStore.builder().maximumSessions(maximumSessions).build();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SessionRepositoryCustomizer<SessionKitRepository> sessionKitPropertiesCustomizer(
				SessionKitProperties properties, ObjectProvider<SessionTimeout> sessionTimeout) {
			return new PropertiesCustomizer(properties, sessionTimeout.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		SessionKitRepository sessionRepository(CaffeineSessionStore store, SessionKitProperties properties,
				ObjectProvider<SessionRepositoryCustomizer<SessionKitRepository>> customizers,
				ObjectProvider<SessionIdGenerator> sessionIdGenerator, ObjectProvider<SessionTimeout> sessionTimeout,
				ApplicationEventPublisher eventPublisher, ResourceLoader resourceLoader, BeanFactory beanFactory) {
			SessionKitRepository repository = new SessionKitRepository(store, codec(properties, resourceLoader));
			repository.setApplicationEventPublisher(eventPublisher);
			sessionIdGenerator.ifAvailable(repository::setSessionIdGenerator);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(repository));
			if (logger.isInfoEnabled()) {
				boolean ownStore = beanFactory.containsBean(MEMORY_STORE_BEAN_NAME)
						&& beanFactory.getBean(MEMORY_STORE_BEAN_NAME) == store;
				logger.info(describe(properties, sessionTimeout.getIfAvailable(), ownStore));
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
				boolean ownStore) {
			StringBuilder description = new StringBuilder("SessionKit: using the memory session store (Caffeine)");
			description.append(", timeout ").append(Descriptions.timeout(timeout(properties, sessionTimeout)));
			if (ownStore) {
				long maximumSessions = properties.getMemory().getMaximumSessions();
				description.append(", max sessions ")
					.append((maximumSessions < 0) ? "unbounded" : String.valueOf(maximumSessions));
			}
			else {
				description.append(", store defined by the application");
			}
			description.append(", max session size ").append(Descriptions.size(properties.getMaxSessionSize()));
			return description.toString();
		}

		/**
		 * Spring Session's {@code springSessionRepositoryFilter}, over the memory store's
		 * repository.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.SERVLET)
		@Import(SpringHttpSessionConfiguration.class)
		static class MemoryHttpSessionConfiguration {

		}

	}

	/**
	 * The Redis store, which this version does not provide yet: selecting it stops
	 * startup with a message that says so.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SessionRepository.class)
	@Conditional(RedisStoreCondition.class)
	static class RedisStoreConfiguration {

		@Bean
		SessionKitRepository sessionRepository(SessionKitProperties properties) {
			String url = properties.getRedis().getUrl();
			String selectedBy = (properties.getStore() == Store.REDIS) ? "It selects the Redis store"
					: "With sessionkit.redis.url set (" + Descriptions.url(String.valueOf(url))
							+ "), it selects the Redis store";
			throw new InvalidConfigurationPropertyValueException("sessionkit.store",
					properties.getStore().name().toLowerCase(Locale.ROOT),
					selectedBy + ", which is not available yet in this version of SessionKit. "
							+ "Set sessionkit.store to memory, or leave it unset (auto) with no sessionkit.redis.url "
							+ "or REDIS_URL, to use the memory store.");
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
		}

	}

	/**
	 * Matches when {@code sessionkit.store} selects the given store.
	 */
	abstract static class StoreCondition extends SpringBootCondition {

		private final Store store;

		StoreCondition(Store store) {
			this.store = store;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("SessionKit " + this.store + " store");
			Store selected = selectedStore(context.getEnvironment());
			if (selected == this.store) {
				return ConditionOutcome.match(message.because("sessionkit.store selects it"));
			}
			return ConditionOutcome.noMatch(message.because("sessionkit.store selects the " + selected + " store"));
		}

		/**
		 * Returns the store that {@code sessionkit.store} selects, {@code auto} resolved.
		 */
		static Store selectedStore(Environment environment) {
			Binder binder = Binder.get(environment);
			Store store = binder.bind("sessionkit.store", Store.class).orElse(Store.AUTO);
			if (store != Store.AUTO) {
				return store;
			}
			String url = binder.bind("sessionkit.redis.url", String.class).orElse(null);
			return StringUtils.hasText(url) ? Store.REDIS : Store.MEMORY;
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
