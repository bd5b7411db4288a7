package dev.sessionkit.sample.chatbot.web;

import java.util.List;

import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.memory.CaffeineSessionStore;
import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.testkit.CountingSessionStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.session.config.annotation.web.http.SpringHttpSessionConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that do not use the session never reach the store, even with a session cookie:
 * the health check and the static page keep working while Redis is down, and cost no
 * round trip.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(SessionReadsTests.CountingStoreConfiguration.class)
class SessionReadsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CountingSessionStore store;

	@Test
	void onlyRequestsThatUseTheSessionReadIt() {
		ApiClient browser = ApiClient.onPort(this.port);
		browser.patch("/api/form", "{\"annualIncome\":90000}");
		assertThat(browser.cookie()).isNotNull();
		int loads = this.store.loads();
		for (String path : new String[] { "/healthz", "/", "/app.js", "/app.css", "/favicon.ico" }) {
			browser.get(path);
		}
		assertThat(this.store.loads()).isEqualTo(loads);
		browser.get("/api/form");
		assertThat(this.store.loads()).isEqualTo(loads + 1);
	}

	/**
	 * The memory store, behind a wrapper that counts loads.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import(SpringHttpSessionConfiguration.class)
	static class CountingStoreConfiguration {

		@Bean
		CountingSessionStore countingStore() {
			return new CountingSessionStore(CaffeineSessionStore.builder().build());
		}

		@Bean
		SessionKitRepository sessionRepository(CountingSessionStore store) {
			return new SessionKitRepository(store,
					AttributeCodec.json(List.of("dev.sessionkit.sample.chatbot"), getClass().getClassLoader()));
		}

	}

}
