package dev.sessionkit.sample.chatbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sessionkit.sample.chatbot.support.RenderBlueprint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Render Blueprint and the Dockerfile it builds are wired as the deploy needs: a
 * Docker web service and a Key Value instance in one region, {@code REDIS_URL} from the
 * Key Value connection string, the Redis store, the prod profile, a health check that
 * does not depend on Redis, JVM settings for small plans. (Docker cannot run here, so the
 * Dockerfile is checked as text; {@code RenderBlueprintIT} starts the app with the
 * blueprint's environment.)
 */
class RenderBlueprintTests {

	private final RenderBlueprint blueprint = RenderBlueprint.load();

	@Test
	void webServiceIsBuiltFromTheDockerfile() {
		Map<String, Object> web = this.blueprint.service("web");
		assertThat(web).containsEntry("runtime", "docker")
			.containsEntry("dockerContext", ".")
			.containsEntry("dockerfilePath", "./Dockerfile")
			.containsEntry("healthCheckPath", "/healthz");
		assertThat(web.get("name")).isNotNull();
		assertThat(this.blueprint.file().resolveSibling("Dockerfile")).exists();
	}

	@Test
	void keyValueIsPrivateInTheSameRegionWithAnEvictionPolicyForSessions() {
		Map<String, Object> web = this.blueprint.service("web");
		Map<String, Object> keyValue = this.blueprint.service("keyvalue");
		assertThat(keyValue.get("region")).isNotNull().isEqualTo(web.get("region"));
		assertThat(keyValue).containsEntry("ipAllowList", List.of());
		assertThat(keyValue.get("maxmemoryPolicy")).isIn("volatile-lru", "allkeys-lru");
		assertThat(this.blueprint.services()).extracting((service) -> service.get("type")).doesNotContain("redis");
	}

	@Test
	@SuppressWarnings("unchecked")
	void redisUrlComesFromTheKeyValueConnectionString() {
		Map<String, Object> redisUrl = this.blueprint.webEnvVars().get("REDIS_URL");
		assertThat(redisUrl).containsOnlyKeys("key", "fromService");
		Map<String, Object> from = (Map<String, Object>) redisUrl.get("fromService");
		assertThat(from).containsEntry("type", "keyvalue")
			.containsEntry("property", "connectionString")
			.containsEntry("name", this.blueprint.service("keyvalue").get("name"));
	}

	@Test
	void environmentSelectsRedisAndTheProductionProfile() {
		Map<String, String> environment = this.blueprint.webEnvironment("redis://red-example:6379");
		assertThat(environment).containsEntry("SESSION_STORE", "redis")
			.containsEntry("SPRING_PROFILES_ACTIVE", "prod")
			.containsEntry("REDIS_URL", "redis://red-example:6379")
			.containsKey("PORT");
		assertThat(environment.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=").contains("-XX:+UseSerialGC");
		this.blueprint.webEnvVars()
			.forEach((key, entry) -> assertThat(entry.keySet()).as(key)
				.hasSize(2)
				.containsAnyOf("value", "fromService", "sync", "generateValue"));
	}

	@Test
	void heapLeavesRoomInFiveHundredTwelveMegabytes() {
		String options = this.blueprint.webEnvironment("redis://x").get("JAVA_TOOL_OPTIONS");
		Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
		assertThat(percentage.find()).isTrue();
		assertThat(Integer.parseInt(percentage.group(1))).isBetween(50, 75);
	}

	@Test
	void dockerfileIsAMultiStageBuildRunningAsAnUnprivilegedUser() throws IOException {
		Path dockerfile = RenderBlueprint.repositoryFile("Dockerfile");
		List<String> lines = Files.readAllLines(dockerfile)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.startsWith("#"))
			.toList();
		List<String> stages = lines.stream().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(stages).hasSize(2);
		assertThat(stages.get(0)).contains("jdk").contains(" AS build");
		assertThat(stages.get(1)).contains("jre");
		String text = String.join("\n", lines);
		assertThat(text).contains("./mvnw").contains("sample-mortgage-chatbot").contains("COPY --from=build");
		String user = lines.stream()
			.filter((line) -> line.startsWith("USER "))
			.reduce((first, second) -> second)
			.orElseThrow()
			.substring(5)
			.strip();
		assertThat(user).isNotIn("root", "0");
		assertThat(text).contains("EXPOSE ").contains("ENV PORT=").contains("ENTRYPOINT [\"java\", \"-jar\"");
		assertThat(Files.readString(dockerfile.resolveSibling(".dockerignore"))).contains("**/target/");
	}

}
