package dev.sessionkit.sample.chatbot;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP on the embedded memory store: the form survives across
 * requests through the session cookie alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MortgageChatbotApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SessionRepository<?> sessionRepository;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		request.header("Content-Type", "application/json");
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void formSurvivesAcrossRequestsThroughTheSessionCookie() throws Exception {
		assertThat(this.sessionRepository.getClass().getSimpleName()).isEqualTo("SessionKitRepository");
		HttpResponse<String> saved = send("PUT", "/api/form", "{\"annualIncome\":120000,\"downPayment\":60000}");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				(cookie) -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
		HttpResponse<String> restored = send("GET", "/api/form", null);
		assertThat(restored.body()).contains("\"annualIncome\":120000").contains("\"downPayment\":60000");
		HttpResponse<String> stranger = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/form")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(stranger.body()).doesNotContain("120000");
	}

	@Test
	void negativeAmountsAreRefusedAndTheFormKept() throws Exception {
		send("PUT", "/api/form", "{\"annualIncome\":90000}");
		HttpResponse<String> refused = send("PUT", "/api/form", "{\"annualIncome\":-5}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("between 0 and");
		assertThat(send("GET", "/api/form", null).body()).contains("\"annualIncome\":90000");
	}

	@Test
	void pageIsServed() throws Exception {
		HttpResponse<String> page = send("GET", "/", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Mortgage helper");
	}

}
