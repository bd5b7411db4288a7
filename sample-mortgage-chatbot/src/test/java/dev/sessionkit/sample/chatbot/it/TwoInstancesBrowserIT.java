package dev.sessionkit.sample.chatbot.it;

import java.util.List;
import java.util.Map;

import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged app on one Redis, behind a round-robin proxy with no
 * stickiness, in real headless Chromium: whichever instance serves a request, the user's
 * form and conversation follow them.
 */
class TwoInstancesBrowserIT {

	private static RedisServer redis;

	private static AppProcess first;

	private static AppProcess second;

	private static RoundRobinProxy proxy;

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		Map<String, String> environment = Map.of("SESSION_STORE", "redis", "REDIS_URL", redis.url());
		first = AppProcess.start("instance-1", environment);
		second = AppProcess.start("instance-2", environment);
		proxy = RoundRobinProxy.start(List.of(first.port(), second.port()));
	}

	@AfterAll
	static void stop() {
		if (proxy != null) {
			proxy.close();
		}
		for (AppProcess app : new AppProcess[] { first, second }) {
			if (app != null) {
				app.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void stateFollowsTheUserAcrossInstances() {
		try (Browser browser = Browser.start()) {
			browser.open(proxy.url());
			PageChecks.fillInAndChat(browser);
			List<String> messages = browser.messages();
			List<String> timestamps = browser.timestamps();
			for (int reload = 0; reload < 3; reload++) {
				browser.reload();
				PageChecks.assertStillThere(browser, messages, timestamps);
			}
			assertThat(proxy.apiRequests(0)).as("API requests served by instance 1").isGreaterThan(3);
			assertThat(proxy.apiRequests(1)).as("API requests served by instance 2").isGreaterThan(3);
			String cookie = browser.driver().manage().getCookieNamed("SESSION").getValue();
			JsonNode fromFirst = ApiClient.onPort(first.port()).cookie(cookie).get("/api/session/history").json();
			JsonNode fromSecond = ApiClient.onPort(second.port()).cookie(cookie).get("/api/session/history").json();
			assertThat(fromFirst.get("messages")).hasSize(4);
			assertThat(fromSecond).isEqualTo(fromFirst);
			browser.screenshot("two-instances");
		}
	}

}
