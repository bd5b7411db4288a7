package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.sessionkit.autoconfigure.SessionKitProperties.Store;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionKitEnvironmentPostProcessor}, over a simulated system
 * environment.
 */
class SessionKitEnvironmentPostProcessorTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void mapsEachVariableOntoItsProperty() {
		postProcess(Map.of("SESSION_STORE", "memory", "SESSION_TTL_SECONDS", "120", "REDIS_URL",
				"redis://cache.internal:6379", "REDIS_PREFIX", "shop:"));
		SessionKitProperties properties = bind();
		assertThat(properties.getStore()).isEqualTo(Store.MEMORY);
		assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(properties.getRedis().getUrl()).isEqualTo("redis://cache.internal:6379");
		assertThat(properties.getRedis().getKeyPrefix()).isEqualTo("shop:");
	}

	@Test
	void negativeTtlMeansNeverExpires() {
		postProcess(Map.of("SESSION_TTL_SECONDS", "-1"));
		assertThat(bind().getTimeout()).isNegative();
	}

	@Test
	void applicationPropertiesWin() {
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("application.properties",
					Map.of("sessionkit.store", "memory", "sessionkit.timeout", "60")));
		postProcess(Map.of("SESSION_STORE", "redis", "SESSION_TTL_SECONDS", "120"));
		SessionKitProperties properties = bind();
		assertThat(properties.getStore()).isEqualTo(Store.MEMORY);
		assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void sessionKitEnvironmentVariablesWin() {
		postProcess(Map.of("SESSION_STORE", "redis", "SESSIONKIT_STORE", "memory", "REDIS_PREFIX", "a:",
				"SESSIONKIT_REDIS_KEYPREFIX", "b:"));
		SessionKitProperties properties = bind();
		assertThat(properties.getStore()).isEqualTo(Store.MEMORY);
		assertThat(properties.getRedis().getKeyPrefix()).isEqualTo("b:");
	}

	@Test
	void aliasesWinOverDefaultProperties() {
		this.environment.getPropertySources()
			.addLast(new MapPropertySource(DefaultPropertiesPropertySource.NAME, Map.of("sessionkit.store", "memory")));
		postProcess(Map.of("SESSION_STORE", "redis"));
		assertThat(bind().getStore()).isEqualTo(Store.REDIS);
		assertThat(this.environment.getPropertySources().stream().map((source) -> source.getName()))
			.endsWith(SessionKitEnvironmentPostProcessor.PROPERTY_SOURCE_NAME, DefaultPropertiesPropertySource.NAME);
	}

	@Test
	void blankVariablesAreIgnored() {
		postProcess(Map.of("SESSION_STORE", " ", "REDIS_URL", ""));
		assertThat(
				this.environment.getPropertySources().contains(SessionKitEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(bind().getStore()).isEqualTo(Store.AUTO);
	}

	@Test
	void propertiesNameTheirVariableAsOrigin() {
		postProcess(Map.of("SESSION_TTL_SECONDS", "120"));
		Object source = this.environment.getPropertySources()
			.get(SessionKitEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(OriginLookup.getOrigin(source, "sessionkit.timeout"))
			.hasToString("System Environment Property \"SESSION_TTL_SECONDS\"");
	}

	private void postProcess(Map<String, String> variables) {
		this.environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		new SessionKitEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

	private SessionKitProperties bind() {
		return Binder.get(this.environment).bindOrCreate("sessionkit", SessionKitProperties.class);
	}

}
