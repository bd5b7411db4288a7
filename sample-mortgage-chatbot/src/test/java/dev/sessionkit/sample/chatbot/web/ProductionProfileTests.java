package dev.sessionkit.sample.chatbot.web;

import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.sample.chatbot.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile, as on Render behind its TLS proxy: forwarded headers are
 * trusted and the first-party cookie is {@code Secure}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ActiveProfiles("prod")
class ProductionProfileTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void cookieIsSecureHttpOnlyAndLax() {
		Response created = ApiClient.onPort(this.port).send("POST", "/api/session", null, "X-Forwarded-Proto", "https");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.sessionCookie()).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
		Response plain = ApiClient.onPort(this.port).post("/api/session", null);
		assertThat(plain.sessionCookie()).as("Secure even without X-Forwarded-Proto").contains("; Secure");
	}

	@Test
	void forwardedHeadersAreTrusted() {
		assertThat(this.context.getEnvironment().getProperty("server.forward-headers-strategy")).isEqualTo("framework");
		assertThat(this.context.containsBean("forwardedHeaderFilter")).isTrue();
	}

	@Test
	void healthCheckAnswers() {
		assertThat(ApiClient.onPort(this.port).get("/healthz").status()).isEqualTo(200);
	}

}
