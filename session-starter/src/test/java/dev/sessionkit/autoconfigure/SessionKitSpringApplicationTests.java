package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.sessionkit.core.SessionKitRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that start a whole {@code SpringApplication}: the environment post-processor as
 * Spring Boot loads it, and the failure reports a person reads when startup stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionKitSpringApplicationTests {

	@Test
	void environmentVariableAliasesApplyBelowTheConfigurationFiles() {
		// sessionkit-aliases.properties sets sessionkit.store=memory, which must win
		StandardEnvironment environment = environment(Map.of("SESSION_STORE", "redis", "SESSION_TTL_SECONDS", "120"));
		try (ConfigurableApplicationContext context = application(environment)
			.run("--spring.config.name=sessionkit-aliases")) {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			assertThat(repository.createSession().getMaxInactiveInterval()).isEqualTo(Duration.ofSeconds(120));
		}
	}

	@Test
	void unknownStoreIsReportedWithTheValidValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application(environment(Map.of())).run("--sessionkit.store=mongo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: sessionkit.store")
			.contains("Value: \"mongo\"")
			.contains("The following values are valid:")
			.containsPattern("\\s+AUTO\\R\\s+MEMORY\\R\\s+REDIS");
	}

	@Test
	void badTtlVariableIsReportedWithTheVariable(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application(environment(Map.of("SESSION_TTL_SECONDS", "0"))).run());
		assertThat(output).contains("Invalid value '0' for configuration property 'sessionkit.timeout'")
			.contains("System Environment Property \"SESSION_TTL_SECONDS\"");
	}

	@Test
	void unreachableRedisIsReportedWithoutItsPassword(CapturedOutput output) throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		StandardEnvironment environment = environment(
				Map.of("REDIS_URL", "redis://app:s3cr3t@127.0.0.1:" + closedPort, "SESSION_STORE", "redis"));
		assertThatException().isThrownBy(() -> application(environment).run("--sessionkit.redis.retry.attempts=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to Redis at redis://app:******@127.0.0.1:" + closedPort)
			.contains("Action:")
			.contains("SESSION_STORE=memory")
			.doesNotContain("s3cr3t");
	}

	@Test
	void malformedRedisUrlIsReportedWithoutItsPassword(CapturedOutput output) {
		StandardEnvironment environment = environment(Map.of("REDIS_URL", "http://app:s3cr3t@127.0.0.1:6379"));
		assertThatException().isThrownBy(() -> application(environment).run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid sessionkit.redis.url (or REDIS_URL): http://app:******@127.0.0.1:6379")
			.contains("scheme must be redis or rediss")
			.doesNotContain("s3cr3t");
	}

	private static SpringApplicationBuilder application(StandardEnvironment environment) {
		return new SpringApplicationBuilder(MinimalConfiguration.class).web(WebApplicationType.NONE)
			.environment(environment)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false);
	}

	/**
	 * Returns an environment whose system environment holds only the given variables.
	 */
	private static StandardEnvironment environment(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SessionKitAutoConfiguration.class)
	static class MinimalConfiguration {

	}

}
