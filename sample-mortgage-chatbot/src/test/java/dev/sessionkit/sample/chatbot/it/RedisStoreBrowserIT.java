package dev.sessionkit.sample.chatbot.it;

import java.util.List;
import java.util.Map;

import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app on the Redis store ({@code SESSION_STORE=redis}, {@code REDIS_URL}),
 * in real headless Chromium: the form and the conversation survive a reload, and a
 * restart of the app process, because they live in Redis.
 */
class RedisStoreBrowserIT {

	private static RedisServer redis;

	private static AppProcess app;

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		app = AppProcess.start("redis-store", Map.of("SESSION_STORE", "redis", "REDIS_URL", redis.url()));
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void formAndConversationSurviveAReloadAndARestartOfTheApp() {
		assertThat(app.log()).contains("SessionKit: using the Redis session store");
		try (Browser browser = Browser.start()) {
			browser.open(app.url());
			PageChecks.fillInAndChat(browser);
			List<String> messages = browser.messages();
			List<String> timestamps = browser.timestamps();
			browser.reload();
			PageChecks.assertStillThere(browser, messages, timestamps);
			String cookie = browser.driver().manage().getCookieNamed("SESSION").getValue();
			assertThat(RedisKeys.ofSession(redis, cookie)).as("the session's keys in Redis").isNotEmpty();

			app.restart();
			browser.reload();
			PageChecks.assertStillThere(browser, messages, timestamps);
			assertThat(browser.text("status")).isEqualTo("Restored from your session.");
			browser.chat("how much can I borrow?");
			assertThat(browser.messages()).hasSize(messages.size() + 2)
				.last()
				.asString()
				.contains("a loan of up to $467,017");
			browser.screenshot("redis-store-after-restart");
		}
	}

}
