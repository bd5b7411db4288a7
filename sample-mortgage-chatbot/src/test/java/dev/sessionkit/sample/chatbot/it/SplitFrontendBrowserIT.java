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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Split-frontend mode in real Chromium: the page is served from one site
 * ({@code http://127.0.0.1:<port>}) and talks to the API on another
 * ({@code http://localhost:<port>}) with credentials; its state survives reloads, through
 * the cross-site cookie and through the {@code X-Auth-Token} header alike (a page that
 * sends no credentials, as for browsers that refuse third-party cookies). A page from an
 * origin not in {@code FRONTEND_URL} is refused.
 */
class SplitFrontendBrowserIT {

	private static StaticSite frontend;

	private static StaticSite headerOnly;

	private static StaticSite stranger;

	private static AppProcess api;

	private Browser browser;

	@BeforeAll
	static void start() {
		int apiPort = AppProcess.freePort();
		String apiBase = "http://localhost:" + apiPort;
		frontend = StaticSite.start(apiBase);
		headerOnly = StaticSite.start(apiBase, "omit");
		stranger = StaticSite.start(apiBase);
		api = AppProcess.start("split-frontend", Map.of("PORT", Integer.toString(apiPort), "FRONTEND_URL",
				frontend.origin() + "," + headerOnly.origin()));
	}

	@AfterAll
	static void stop() {
		if (api != null) {
			api.close();
		}
		frontend.close();
		headerOnly.close();
		stranger.close();
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
	void pageOnAnotherOriginKeepsItsStateAcrossReloads() {
		assertThat(api.log()).contains("split-frontend mode for " + frontend.origin());
		this.browser.open(frontend.origin() + "/");
		assertThat(this.browser.driver().findElement(By.id("banner")).isDisplayed()).isFalse();
		PageChecks.fillInAndChat(this.browser);
		List<String> messages = this.browser.messages();
		List<String> timestamps = this.browser.timestamps();
		String token = this.browser.script("return sessionStorage.getItem('sessionkit.token');");
		assertThat(token).as("the session id from X-Auth-Token").isNotBlank();
		this.browser.reload();
		PageChecks.assertStillThere(this.browser, messages, timestamps);
		this.browser.screenshot("split-frontend");
		Response history = ApiClient.onPort(api.port()).tokenOnly().token(token).get("/api/session/history");
		assertThat(history.json().get("messages")).hasSize(messages.size());
	}

	@Test
	void theCrossSiteCookieAloneKeepsTheState() {
		this.browser.open(frontend.origin() + "/");
		this.browser.fill("annualIncome", "88000");
		this.browser.chat("hello");
		Map<String, Object> cookie = this.browser.allCookies()
			.stream()
			.filter((candidate) -> "SESSION".equals(candidate.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).containsEntry("domain", "localhost")
			.containsEntry("sameSite", "None")
			.containsEntry("secure", true)
			.containsEntry("httpOnly", true)
			.containsKey("partitionKey");
		this.browser.script("sessionStorage.clear();");
		this.browser.reload();
		assertThat(this.browser.value("annualIncome")).isEqualTo("88000");
		assertThat(this.browser.messages()).hasSize(2);
	}

	@Test
	void theHeaderAloneKeepsTheStateWithoutCookies() {
		this.browser.open(headerOnly.origin() + "/");
		PageChecks.fillInAndChat(this.browser);
		List<String> messages = this.browser.messages();
		List<String> timestamps = this.browser.timestamps();
		assertThat(this.browser.allCookies()).isEmpty();
		this.browser.reload();
		PageChecks.assertStillThere(this.browser, messages, timestamps);
	}

	@Test
	void aPageFromAnOriginNotListedIsRefused() {
		this.browser.open(stranger.origin() + "/");
		new WebDriverWait(this.browser.driver(), java.time.Duration.ofSeconds(10))
			.until((driver) -> driver.findElement(By.id("banner")).isDisplayed());
		assertThat(this.browser.text("banner"))
			.isEqualTo("Cannot reach the chatbot server (is this page's origin listed in the server's FRONTEND_URL?).");
		this.browser.fill("annualIncome", "50000");
		assertThat(this.browser.text("status")).startsWith("Not saved: Cannot reach the chatbot server");
		Response refused = ApiClient.onPort(api.port()).header("Origin", stranger.origin()).chat("hello");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.sessionCookie()).isNull();
	}

}
