package dev.sessionkit.sample.chatbot.it;

import java.util.List;
import java.util.Map;

import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.sample.chatbot.support.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app on the default memory store, in real headless Chromium: what the user
 * types and the conversation survive a reload, and bad input through the page and the API
 * gets clear messages and leaves the session intact.
 */
class MemoryStoreBrowserIT {

	private static AppProcess app;

	private Browser browser;

	@BeforeAll
	static void startApp() {
		app = AppProcess.start("memory-store", Map.of());
	}

	@AfterAll
	static void stopApp() {
		if (app != null) {
			app.close();
		}
	}

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void formAndConversationSurviveAReload() {
		assertThat(app.log()).contains("using the memory session store").contains("same-origin mode");
		this.browser.open(app.url());
		assertThat(this.browser.messages()).singleElement().asString().startsWith("hint: Hi!");
		PageChecks.fillInAndChat(this.browser);
		List<String> messages = this.browser.messages();
		List<String> timestamps = this.browser.timestamps();
		this.browser.reload();
		PageChecks.assertStillThere(this.browser, messages, timestamps);
		this.browser.screenshot("memory-store");
		Cookie cookie = this.browser.driver().manage().getCookieNamed("SESSION");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.isSecure()).isFalse();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getExpiry()).as("a browser-session cookie").isNull();
	}

	@Test
	void badInputGetsClearMessagesAndTheSessionStaysIntact() {
		this.browser.open(app.url());
		this.browser.fill("annualIncome", "90000").fill("creditScore", "700");
		this.browser.fill("annualIncome", "ninety thousand");
		assertThat(this.browser.text("annualIncome-error"))
			.isEqualTo("Gross annual income must be a number, like 85000.");
		assertThat(this.browser.text("status")).startsWith("Not saved: ");
		this.browser.fill("monthlyDebts", "-5");
		assertThat(this.browser.text("monthlyDebts-error")).isEqualTo("Monthly debts cannot be negative.");
		this.browser.fill("propertyPrice", "5000000000000");
		assertThat(this.browser.text("propertyPrice-error"))
			.isEqualTo("Property price of $5,000,000,000,000 looks too large: at most $1,000,000,000 is accepted.");
		this.browser.fill("creditScore", "1200");
		assertThat(this.browser.text("creditScore-error")).contains("at most 850");
		this.browser.screenshot("bad-input");
		this.browser.chat("my interest rate is 250%");
		assertThat(lastMessage()).startsWith("bot: That doesn't look right: Interest rate of 250% looks too large");
		this.browser.chatBypassingLimits("x".repeat(2000));
		assertThat(lastMessage()).isEqualTo("error: Your message is 2,000 characters long; the limit is 1,000.");
		this.browser.chatBypassingLimits("y".repeat(1024 * 1024));
		assertThat(lastMessage()).startsWith("error: The request is larger than the 16 KB this API accepts");
		Response api = ApiClient.onPort(app.port())
			.cookie(this.browser.driver().manage().getCookieNamed("SESSION").getValue())
			.chat("z".repeat(1024 * 1024));
		assertThat(api.status()).isEqualTo(413);
		this.browser.reload();
		assertThat(this.browser.value("annualIncome")).isEqualTo("90000");
		assertThat(this.browser.value("creditScore")).isEqualTo("700");
		assertThat(this.browser.value("monthlyDebts")).isEmpty();
		assertThat(this.browser.value("propertyPrice")).isEmpty();
		assertThat(this.browser.messages()).hasSize(2).last().asString().contains("Interest rate of 250%");
	}

	private String lastMessage() {
		List<String> messages = this.browser.messages();
		return messages.get(messages.size() - 1);
	}

}
