package dev.sessionkit.autoconfigure.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that Spring Boot's {@code server.servlet.session.cookie.*} properties configure
 * the cookie of SessionKit's sessions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"server.servlet.session.cookie.name=KITSESSION", "server.servlet.session.cookie.same-site=strict" })
class SessionKitCookieNameWebTests {

	@LocalServerPort
	private int port;

	@Test
	void cookieNameAndSameSiteComeFromServerProperties() {
		TestHttpClient client = new TestHttpClient(this.port, "KITSESSION");
		HttpResponse<String> first = client.get("/counter", null);
		assertThat(first.headers().allValues("Set-Cookie")).noneMatch((header) -> header.startsWith("SESSION="));
		TestHttpClient.SetCookie cookie = client.sessionCookie(first);
		assertThat(cookie).isNotNull();
		assertThat(cookie.attributes()).containsEntry("samesite", "Strict");
		assertThat(client.get("/counter", cookie.value()).body()).isEqualTo("2");
	}

}
