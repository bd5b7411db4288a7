package dev.sessionkit.sample.chatbot.it;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.sample.chatbot.support.ApiClient.Response;
import dev.sessionkit.sample.chatbot.support.RenderBlueprint;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged app with the environment {@code render.yaml} gives the web service,
 * a local Redis standing in for the Key Value instance and {@code PORT} a free port, as
 * Render would: it starts, answers the health check on {@code $PORT} (also while Redis is
 * down), keeps sessions in Redis, and sets the production cookie.
 */
class RenderBlueprintIT {

	@Test
	void appStartsWithTheBlueprintsEnvironmentAndUsesRedis() {
		RenderBlueprint blueprint = RenderBlueprint.load();
		String healthCheckPath = RenderBlueprint.string(blueprint.service("web"), "healthCheckPath");
		try (RedisServer redis = RedisServer.start()) {
			Map<String, String> environment = new LinkedHashMap<>(blueprint.webEnvironment(redis.url()));
			environment.put("PORT", Integer.toString(AppProcess.freePort()));
			try (AppProcess app = AppProcess.start("render-blueprint", environment)) {
				ApiClient client = ApiClient.onPort(app.port());
				assertThat(client.get(healthCheckPath).status()).isEqualTo(200);
				assertThat(app.log()).contains("The following 1 profile is active: \"prod\"")
					.contains("Redis connected successfully: " + redis.url())
					.contains("SessionKit: using the Redis session store")
					.contains("listening on port " + app.port())
					.contains("Picked up JAVA_TOOL_OPTIONS: " + environment.get("JAVA_TOOL_OPTIONS"));

				Response saved = client.header("X-Forwarded-Proto", "https")
					.patch("/api/form", "{\"annualIncome\":\"85000\"}");
				assertThat(saved.status()).isEqualTo(200);
				assertThat(saved.sessionCookie()).contains("; Secure")
					.contains("; HttpOnly")
					.contains("; SameSite=Lax");
				assertThat(client.chat("hello").status()).isEqualTo(200);
				assertThat(RedisKeys.ofSession(redis, client.cookie())).as("the session's keys in Redis").isNotEmpty();
				assertThat(client.get("/api/form").json().get("form").get("annualIncome").asInt()).isEqualTo(85000);

				redis.stop();
				assertThat(client.get(healthCheckPath).status()).as("health while Redis is down").isEqualTo(200);
				redis.restart();
				assertThat(client.get(healthCheckPath).status()).isEqualTo(200);
			}
		}
	}

}
