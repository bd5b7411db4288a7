package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.SessionTooLargeException;
import dev.sessionkit.core.codec.AttributeCodecException;
import dev.sessionkit.memory.CaffeineSessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.events.AbstractSessionEvent;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionKitAutoConfiguration}. The runner's context has no servlet
 * context, as with an embedded web server, unless a test says otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionKitAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner(
			AnnotationConfigServletWebApplicationContext::new)
		.withConfiguration(AutoConfigurations.of(SessionKitAutoConfiguration.class, SessionAutoConfiguration.class));

	@Test
	void defaultConfigurationKeepsSessionsInCaffeineBehindSpringSessionsFilter() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CaffeineSessionStore.class)
				.hasSingleBean(SessionKitRepository.class)
				.hasSingleBean(SessionRepositoryFilter.class)
				.hasSingleBean(DelegatingFilterProxyRegistrationBean.class);
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			assertThat(context.getBean(SessionRepository.class)).isSameAs(repository);
			assertThat(context.getBean(SessionRepositoryFilter.class)).extracting("sessionRepository")
				.isSameAs(repository);
			KitSession session = repository.createSession();
			session.setAttribute("greeting", "hello");
			repository.save(session);
			assertThat(context.getBean(CaffeineSessionStore.class).estimatedSize()).isOne();
			KitSession found = repository.findById(session.getId());
			assertThat(found).isNotNull();
			assertThat(found.<String>getAttribute("greeting")).isEqualTo("hello");
			assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
		});
	}

	@Test
	void defaultMaxSessionSizeIs256Kilobytes() {
		this.contextRunner.run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession fits = repository.createSession();
			fits.setAttribute("data", "x".repeat(200 * 1024));
			repository.save(fits);
			KitSession tooLarge = repository.createSession();
			tooLarge.setAttribute("data", "x".repeat(300 * 1024));
			assertThatExceptionOfType(SessionTooLargeException.class).isThrownBy(() -> repository.save(tooLarge))
				.satisfies((ex) -> assertThat(ex.getMaxSize()).isEqualTo(256 * 1024));
		});
	}

	@Test
	void logsTheStoreInUseAndItsSettings(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output)
			.contains("SessionKit: using the memory session store (Caffeine), timeout 30m, max sessions unbounded, "
					+ "max session size 256KB"));
	}

	@Test
	void backsOffEntirelyWhenTheApplicationDefinesASessionRepository() {
		this.contextRunner.withUserConfiguration(UserSessionRepositoryConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(SessionKitRepository.class)
				.doesNotHaveBean(CaffeineSessionStore.class)
				.hasSingleBean(SessionRepository.class);
			assertThat(context.getBean(SessionRepositoryFilter.class)).extracting("sessionRepository")
				.isSameAs(context.getBean(MapSessionRepository.class));
		});
	}

	@Test
	void usesTheApplicationsCaffeineSessionStore(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CaffeineSessionStore.class).hasBean("myStore");
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			repository.save(repository.createSession());
			assertThat(context.getBean("myStore", CaffeineSessionStore.class).estimatedSize()).isOne();
			assertThat(output).contains("store defined by the application").doesNotContain("max sessions");
		});
	}

	@Test
	void memoryStoreWhenSelectedExplicitlyEvenWithARedisUrl() {
		this.contextRunner.withPropertyValues("sessionkit.store=memory", "sessionkit.redis.url=redis://localhost:6379")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CaffeineSessionStore.class));
	}

	@Test
	void timeoutFromSpringSessionTimeout() {
		this.contextRunner.withPropertyValues("spring.session.timeout=5m")
			.run(assertNewSessionTimeout(Duration.ofMinutes(5)));
	}

	@Test
	void timeoutFromServerServletSessionTimeout() {
		this.contextRunner.withPropertyValues("server.servlet.session.timeout=7m")
			.run(assertNewSessionTimeout(Duration.ofMinutes(7)));
	}

	@Test
	void sessionKitTimeoutInSecondsWinsOverSpringSessionAndServerTimeouts(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("sessionkit.timeout=90", "spring.session.timeout=5m",
					"server.servlet.session.timeout=7m")
			.run(assertNewSessionTimeout(Duration.ofSeconds(90)));
		assertThat(output).contains("timeout 90s");
	}

	@Test
	void springSessionTimeoutInAWarDeployment() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SessionKitAutoConfiguration.class, SessionAutoConfiguration.class))
			.withPropertyValues("spring.session.timeout=4m")
			.run(assertNewSessionTimeout(Duration.ofMinutes(4)));
	}

	@Test
	void negativeTimeoutMakesSessionsThatNeverExpire() {
		this.contextRunner.withPropertyValues("sessionkit.timeout=-1").run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			assertThat(session.getMaxInactiveInterval()).isNegative();
			repository.save(session);
			assertThat(repository.findById(session.getId())).isNotNull();
		});
	}

	@Test
	void zeroTimeoutFails() {
		this.contextRunner.withPropertyValues("sessionkit.timeout=0")
			.run(assertInvalidProperty("sessionkit.timeout", "use a negative value"));
	}

	@Test
	void environmentVariableAliasesSetTheTimeoutAndTheStore() {
		this.contextRunner
			.withInitializer((context) -> applyAliases(context.getEnvironment(),
					Map.of("SESSION_TTL_SECONDS", "120", "SESSION_STORE", "memory", "REDIS_URL", "redis://localhost")))
			.run((context) -> {
				assertThat(context).hasSingleBean(CaffeineSessionStore.class);
				assertThat(context.getBean(SessionKitRepository.class).createSession().getMaxInactiveInterval())
					.isEqualTo(Duration.ofSeconds(120));
			});
	}

	@Test
	void sessionStoreAliasSelectsRedis() {
		this.contextRunner
			.withInitializer((context) -> applyAliases(context.getEnvironment(),
					Map.of("SESSION_STORE", "redis", "REDIS_URL", "redis://127.0.0.1:" + closedPort())))
			.withPropertyValues("sessionkit.redis.retry.attempts=0")
			.run((context) -> assertThat(findCause(context.getStartupFailure(), RedisSetupException.class))
				.hasMessageContaining("Cannot connect to Redis at redis://127.0.0.1:"));
	}

	@Test
	void explicitStorePropertyWinsOverTheSessionStoreAlias() {
		this.contextRunner.withPropertyValues("sessionkit.store=memory")
			.withInitializer((context) -> applyAliases(context.getEnvironment(), Map.of("SESSION_STORE", "redis")))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CaffeineSessionStore.class));
	}

	@Test
	void unknownStoreFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("sessionkit.store=mongo").run((context) -> {
			assertThat(context).hasFailed();
			BindException bindException = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bindException.getName()).hasToString("sessionkit.store");
			assertThat(bindException.getProperty().getValue()).isEqualTo("mongo");
		});
	}

	@Test
	void negativeMaxSessionSizeFails() {
		this.contextRunner.withPropertyValues("sessionkit.max-session-size=-1KB")
			.run(assertInvalidProperty("sessionkit.max-session-size", "must not be negative"));
	}

	@Test
	void negativeDecodedValueCacheFails() {
		this.contextRunner.withPropertyValues("sessionkit.decoded-value-cache=-1MB")
			.run(assertInvalidProperty("sessionkit.decoded-value-cache", "must not be negative"));
	}

	@Test
	void theMemoryStoreKeepsValuesWithoutJsonWhateverTheDecodedValueCache() {
		// the cache serves encoded values (SessionKitRedisIT); the memory store keeps
		// none
		this.contextRunner.run((context) -> assertThat(readTwiceGivesTheSameInstant(context)).isTrue());
		this.contextRunner.withPropertyValues("sessionkit.decoded-value-cache=0")
			.run((context) -> assertThat(readTwiceGivesTheSameInstant(context)).isTrue());
	}

	/**
	 * Immutable values are shared when they come from a template, decoded anew otherwise.
	 */
	static boolean readTwiceGivesTheSameInstant(ApplicationContext context) {
		SessionKitRepository repository = context.getBean(SessionKitRepository.class);
		KitSession session = repository.createSession();
		session.setAttribute("at", java.time.Instant.parse("2026-11-22T06:00:00Z"));
		repository.save(session);
		Object first = repository.findById(session.getId()).getAttribute("at");
		Object second = repository.findById(session.getId()).getAttribute("at");
		assertThat(second).isEqualTo(first).isEqualTo(java.time.Instant.parse("2026-11-22T06:00:00Z"));
		return first == second;
	}

	@Test
	void maxSessionSizeIsApplied() {
		this.contextRunner.withPropertyValues("sessionkit.max-session-size=1KB").run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			session.setAttribute("data", "x".repeat(2048));
			assertThatExceptionOfType(SessionTooLargeException.class).isThrownBy(() -> repository.save(session));
		});
	}

	@Test
	void zeroMaximumSessionsFails() {
		this.contextRunner.withPropertyValues("sessionkit.memory.maximum-sessions=0")
			.run(assertInvalidProperty("sessionkit.memory.maximum-sessions", "-1 for no limit"));
	}

	@Test
	void maximumSessionsBoundsTheStore(CapturedOutput output) {
		this.contextRunner.withPropertyValues("sessionkit.memory.maximum-sessions=1").run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			for (int i = 0; i < 3; i++) {
				repository.save(repository.createSession());
			}
			repository.cleanUpExpiredSessions();
			assertThat(context.getBean(CaffeineSessionStore.class).estimatedSize()).isOne();
		});
		assertThat(output).contains("max sessions 1,");
	}

	@Test
	void unreachableRedisFailsStartupNamingItWithoutThePassword() {
		int port = closedPort();
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=redis://app:s3cr3t@127.0.0.1:" + port + "/0",
					"sessionkit.redis.retry.attempts=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				RedisSetupException ex = findCause(context.getStartupFailure(), RedisSetupException.class);
				assertThat(ex).hasMessageContaining("redis://app:******@127.0.0.1:" + port + "/0");
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cr3t");
				}
			});
	}

	@Test
	void malformedRedisUrlFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("sessionkit.redis.url=redis://app:s3cr3t@/0").run((context) -> {
			RedisSetupException ex = findCause(context.getStartupFailure(), RedisSetupException.class);
			assertThat(ex).hasMessageContaining("sessionkit.redis.url")
				.hasMessageContaining("no host")
				.hasMessageNotContaining("s3cr3t");
		});
	}

	@Test
	void negativeIoThreadsFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=redis://127.0.0.1:" + closedPort(),
					"sessionkit.redis.io-threads=-1")
			.run((context) -> assertThat(findCause(context.getStartupFailure(), RedisSetupException.class))
				.hasMessageContaining("sessionkit.redis.io-threads must not be negative"));
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void flushModeIsApplied() {
		this.contextRunner.withPropertyValues("sessionkit.flush-mode=immediate").run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			assertThat(repository.findById(session.getId())).isNotNull();
		});
	}

	@Test
	void saveModeIsApplied() {
		// A stale copy that saves with ALWAYS writes back every attribute it loaded.
		this.contextRunner.withPropertyValues("sessionkit.save-mode=always").run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			session.setAttribute("a", "original");
			repository.save(session);
			KitSession first = repository.findById(session.getId());
			KitSession stale = repository.findById(session.getId());
			first.setAttribute("a", "changed");
			repository.save(first);
			stale.setAttribute("b", "other");
			repository.save(stale);
			assertThat(repository.findById(session.getId()).<String>getAttribute("a")).isEqualTo("original");
		});
	}

	@Test
	void applicationTypesNeedTheirPackageAllowed() {
		this.contextRunner.run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			session.setAttribute("basket", new Basket(List.of("tea")));
			assertThatExceptionOfType(AttributeCodecException.class).isThrownBy(() -> repository.save(session))
				.withMessageContaining("sessionkit.allowed-packages");
		});
		this.contextRunner.withPropertyValues("sessionkit.allowed-packages=dev.sessionkit.autoconfigure")
			.run((context) -> {
				SessionKitRepository repository = context.getBean(SessionKitRepository.class);
				KitSession session = repository.createSession();
				session.setAttribute("basket", new Basket(List.of("tea", "milk")));
				repository.save(session);
				assertThat(repository.findById(session.getId()).<Basket>getAttribute("basket"))
					.isEqualTo(new Basket(List.of("tea", "milk")));
			});
	}

	@Test
	void tooBroadAllowedPackageFails() {
		this.contextRunner.withPropertyValues("sessionkit.allowed-packages=com.example.shop,java.util")
			.run(assertInvalidProperty("sessionkit.allowed-packages", "java.util"));
	}

	@Test
	void applicationsSessionIdGeneratorIsUsed() {
		this.contextRunner.withBean(SessionIdGenerator.class, () -> {
			AtomicInteger counter = new AtomicInteger();
			return () -> "custom-id-" + counter.incrementAndGet();
		}).run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			assertThat(repository.createSession().getId()).isEqualTo("custom-id-1");
		});
	}

	@Test
	void sessionEventsArePublishedToTheApplicationContext() {
		this.contextRunner.withUserConfiguration(EventsConfiguration.class).run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			repository.save(session);
			repository.deleteById(session.getId());
			List<AbstractSessionEvent> events = context.getBean(EventsConfiguration.class).events;
			assertThat(events).hasSize(2);
			assertThat(events.get(0)).isInstanceOf(SessionCreatedEvent.class);
			assertThat(events.get(1)).isInstanceOf(SessionDeletedEvent.class);
			assertThat(events).allSatisfy((event) -> assertThat(event.getSessionId()).isEqualTo(session.getId()));
		});
	}

	@Test
	void applicationsCustomizersRunAfterThePropertiesAreApplied() {
		this.contextRunner.withPropertyValues("sessionkit.timeout=10m")
			.withUserConfiguration(UserCustomizerConfiguration.class)
			.run(assertNewSessionTimeout(Duration.ofSeconds(42)));
	}

	@Test
	void springSecurityTypesAreStoredWhenSpringSecurityIsPresent() {
		this.contextRunner.run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(authentication()));
			repository.save(session);
			assertThat(repository.findByPrincipalName("alice")).containsOnlyKeys(session.getId());
			SecurityContextImpl securityContext = repository.findById(session.getId())
				.getAttribute("SPRING_SECURITY_CONTEXT");
			assertThat(securityContext.getAuthentication().getName()).isEqualTo("alice");
		});
	}

	@Test
	void startsWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SessionRepositoryFilter.class);
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			KitSession session = repository.createSession();
			session.setAttribute("count", 1);
			repository.save(session);
			assertThat(repository.findById(session.getId()).<Integer>getAttribute("count")).isOne();
			KitSession secured = repository.createSession();
			secured.setAttribute("authentication", authentication());
			assertThatExceptionOfType(AttributeCodecException.class).isThrownBy(() -> repository.save(secured));
		});
	}

	@Test
	void repositoryWithoutFilterInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SessionKitAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(SessionKitRepository.class)
				.hasSingleBean(FindByIndexNameSessionRepository.class)
				.doesNotHaveBean(SessionRepositoryFilter.class));
	}

	private static UsernamePasswordAuthenticationToken authentication() {
		return UsernamePasswordAuthenticationToken.authenticated("alice", null,
				List.of(new SimpleGrantedAuthority("ROLE_USER")));
	}

	/**
	 * Replaces the system environment with the given variables and runs the environment
	 * post-processor, as Spring Boot would at startup.
	 */
	private static void applyAliases(ConfigurableEnvironment environment, Map<String, String> variables) {
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		new SessionKitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
	}

	private static ContextConsumer<AssertableWebApplicationContext> assertNewSessionTimeout(Duration expected) {
		return (context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			assertThat(repository.createSession().getMaxInactiveInterval()).isEqualTo(expected);
		};
	}

	private static ContextConsumer<AssertableWebApplicationContext> assertInvalidProperty(String name, String reason) {
		return (context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationPropertyValueException ex = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(ex.getName()).isEqualTo(name);
			assertThat(ex.getReason()).contains(reason);
		};
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in the causes of " + failure, failure);
	}

	record Basket(List<String> items) {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableSpringHttpSession
	static class UserSessionRepositoryConfiguration {

		@Bean
		MapSessionRepository mySessionRepository() {
			return new MapSessionRepository(new ConcurrentHashMap<>());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		@Bean
		CaffeineSessionStore myStore() {
			return CaffeineSessionStore.builder().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCustomizerConfiguration {

		@Bean
		SessionRepositoryCustomizer<SessionKitRepository> myCustomizer() {
			return (repository) -> repository.setDefaultMaxInactiveInterval(Duration.ofSeconds(42));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventsConfiguration {

		final List<AbstractSessionEvent> events = new ArrayList<>();

		@Bean
		ApplicationListener<AbstractSessionEvent> sessionEventsListener() {
			return this.events::add;
		}

	}

}
