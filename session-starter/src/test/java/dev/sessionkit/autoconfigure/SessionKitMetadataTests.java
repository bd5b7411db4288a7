package dev.sessionkit.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata that the build generates from
 * {@link SessionKitProperties} and {@code additional-spring-configuration-metadata.json},
 * which IDEs show as documentation and completion.
 */
class SessionKitMetadataTests {

	private static final List<String> DOCUMENTED_KEYS = List.of("sessionkit.store", "sessionkit.timeout",
			"sessionkit.max-session-size", "sessionkit.allowed-packages", "sessionkit.flush-mode",
			"sessionkit.save-mode", "sessionkit.memory.maximum-sessions", "sessionkit.redis.url",
			"sessionkit.redis.key-prefix", "sessionkit.redis.host", "sessionkit.redis.port",
			"sessionkit.redis.username", "sessionkit.redis.password", "sessionkit.redis.database",
			"sessionkit.redis.ssl", "sessionkit.redis.application", "sessionkit.redis.config",
			"sessionkit.redis.timeout", "sessionkit.redis.connect-timeout", "sessionkit.redis.ping-interval",
			"sessionkit.redis.connection-pool-size", "sessionkit.redis.connection-minimum-idle-size",
			"sessionkit.redis.sweep-interval", "sessionkit.redis.grace-period", "sessionkit.redis.retry.attempts",
			"sessionkit.redis.retry.initial-delay", "sessionkit.redis.retry.max-delay",
			"sessionkit.redis.sentinel.master", "sessionkit.redis.sentinel.nodes", "sessionkit.redis.sentinel.password",
			"sessionkit.redis.cluster.nodes", "sessionkit.redis.durability.replicas", "sessionkit.redis.durability.aof",
			"sessionkit.redis.durability.timeout", "sessionkit.redis.io-threads", "sessionkit.redis.near-cache",
			"sessionkit.decoded-value-cache");

	private static Map<String, JsonNode> properties;

	private static JsonNode metadata;

	@BeforeAll
	static void readGeneratedMetadata() throws Exception {
		URL classes = SessionKitProperties.class.getProtectionDomain().getCodeSource().getLocation();
		URL location = new URL(classes, "META-INF/spring-configuration-metadata.json");
		try (InputStream input = location.openStream()) {
			metadata = JsonMapper.builder().build().readTree(input);
		}
		properties = new HashMap<>();
		for (JsonNode property : metadata.get("properties")) {
			properties.put(property.get("name").asString(), property);
		}
	}

	@Test
	void everyPropertyIsDocumented() {
		assertThat(properties).containsOnlyKeys(DOCUMENTED_KEYS);
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat(property.path("description").asString()).as(property.toString())
				.hasSizeGreaterThan(20)
				.endsWith("."));
	}

	@Test
	void defaultsAreRecorded() {
		assertThat(properties.get("sessionkit.store").get("defaultValue").asString()).isEqualTo("auto");
		assertThat(properties.get("sessionkit.max-session-size").get("defaultValue").asString()).isEqualTo("256KB");
		assertThat(properties.get("sessionkit.memory.maximum-sessions").get("defaultValue").asLong()).isEqualTo(-1);
		assertThat(properties.get("sessionkit.redis.key-prefix").get("defaultValue").asString())
			.isEqualTo("sessionkit:");
		assertThat(properties.get("sessionkit.timeout").has("defaultValue")).isFalse();
	}

	@Test
	void environmentVariableAliasesAreDocumented() {
		assertThat(description("sessionkit.store")).contains("SESSION_STORE");
		assertThat(description("sessionkit.timeout")).contains("SESSION_TTL_SECONDS");
		assertThat(description("sessionkit.redis.url")).contains("REDIS_URL");
		assertThat(description("sessionkit.redis.key-prefix")).contains("REDIS_PREFIX");
		assertThat(description("sessionkit.redis.host")).contains("REDIS_HOST");
		assertThat(description("sessionkit.redis.port")).contains("REDIS_PORT");
		assertThat(description("sessionkit.redis.password")).contains("REDIS_PASSWORD");
		assertThat(description("sessionkit.redis.database")).contains("REDIS_DB");
	}

	@Test
	void storeValuesAreHinted() {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : metadata.get("hints")) {
			if (hint.get("name").asString().equals("sessionkit.store")) {
				for (JsonNode value : hint.get("values")) {
					assertThat(value.path("description").asString()).isNotBlank();
					values.add(value.get("value").asString());
				}
			}
		}
		assertThat(values).containsExactly("auto", "memory", "redis");
		assertThat(SessionKitProperties.Store.values()).extracting((store) -> store.name().toLowerCase())
			.containsExactlyElementsOf(values);
	}

	@Test
	void autoConfigurationIsRegistered() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(SessionKitAutoConfiguration.class.getName());
	}

	private static String description(String name) {
		return properties.get(name).get("description").asString();
	}

}
