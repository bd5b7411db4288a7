package dev.sessionkit.sample.chatbot.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.sample.chatbot.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Split-frontend mode, switched on by {@code FRONTEND_URL}: CORS with credentials for
 * exactly the listed origins, 403 for any other, a cross-site cookie, and the session id
 * also carried in {@code X-Auth-Token}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "FRONTEND_URL=http://127.0.0.1:5173, https://app.example.com/" })
class SplitFrontendApiTests {

	private static final String FRONTEND = "https://app.example.com";

	@LocalServerPort
	private int port;

	@Test
	void preflightFromAListedOriginIsAllowedWithCredentials() {
		Response preflight = ApiClient.onPort(this.port)
			.send("OPTIONS", "/api/form", null, "Origin", FRONTEND, "Access-Control-Request-Method", "PATCH",
					"Access-Control-Request-Headers", "content-type,x-auth-token");
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
		assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
		assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-auth-token");
		assertThat(preflight.headers("Vary")).contains("Origin");
		Response local = ApiClient.onPort(this.port)
			.send("OPTIONS", "/api/chat", null, "Origin", "http://127.0.0.1:5173", "Access-Control-Request-Method",
					"POST");
		assertThat(local.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:5173");
	}

	@Test
	void anyOtherOriginIsRefusedWithoutTouchingTheSession() {
		for (String origin : new String[] { "https://evil.example", "https://app.example.com.evil.example",
				"http://app.example.com", "https://app.example.com:8443", "null" }) {
			ApiClient stranger = ApiClient.onPort(this.port).header("Origin", origin);
			Response preflight = stranger.send("OPTIONS", "/api/chat", null, "Access-Control-Request-Method", "POST");
			assertThat(preflight.status()).as(origin).isEqualTo(403);
			assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
			Response actual = stranger.chat("income 90000");
			assertThat(actual.status()).as(origin).isEqualTo(403);
			assertThat(actual.header("Content-Type")).startsWith("application/problem+json");
			assertThat(actual.json().get("detail").asString()).contains("FRONTEND_URL");
			assertThat(actual.sessionCookie()).isNull();
			assertThat(actual.header("X-Auth-Token")).isNull();
		}
	}

	@Test
	void sessionCookieIsCrossSiteAndTheIdIsAlsoInTheHeader() {
		ApiClient frontend = ApiClient.onPort(this.port).header("Origin", FRONTEND);
		Response created = frontend.chat("income 90000");
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
		assertThat(created.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(created.header("Access-Control-Expose-Headers")).contains("X-Auth-Token");
		assertThat(created.sessionCookie()).contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=None")
			.contains("; Partitioned")
			.contains("; Path=/");
		String token = created.header("X-Auth-Token");
		assertThat(token).isNotBlank();
		assertThat(new String(Base64.getDecoder().decode(frontend.cookie()), StandardCharsets.UTF_8)).isEqualTo(token);
	}

	@Test
	void theHeaderAloneKeepsTheSession() {
		ApiClient frontend = ApiClient.onPort(this.port).header("Origin", FRONTEND).tokenOnly();
		frontend.chat("income 90000");
		assertThat(frontend.token()).isNotNull();
		Response history = frontend.get("/api/session/history");
		assertThat(history.json().get("form").get("annualIncome").asInt()).isEqualTo(90000);
		assertThat(history.json().get("messages")).hasSize(2);
		assertThat(history.header("X-Auth-Token")).isNull();
	}

	@Test
	void theCookieAloneKeepsTheSession() {
		ApiClient frontend = ApiClient.onPort(this.port).header("Origin", FRONTEND);
		frontend.chat("income 90000");
		assertThat(frontend.get("/api/form").json().get("form").get("annualIncome").asInt()).isEqualTo(90000);
	}

	@Test
	void anUnknownTokenStartsAFreshSession() {
		ApiClient frontend = ApiClient.onPort(this.port)
			.header("Origin", FRONTEND)
			.tokenOnly()
			.token("no-such-session");
		Response history = frontend.get("/api/session/history");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json().get("messages")).isEmpty();
		Response saved = frontend.patch("/api/form", "{\"creditScore\":710}");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(frontend.token()).isNotEqualTo("no-such-session");
		assertThat(frontend.get("/api/form").json().get("form").get("creditScore").asInt()).isEqualTo(710);
	}

	@Test
	void deleteClearsTheHeaderAndTheCookie() {
		ApiClient frontend = ApiClient.onPort(this.port).header("Origin", FRONTEND);
		frontend.chat("hello");
		Response deleted = frontend.delete("/api/session");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.header("X-Auth-Token")).isEmpty();
		assertThat(deleted.sessionCookie()).contains("Max-Age=0");
	}

	@Test
	void scriptsWithoutAnOriginAndThePageItselfStillWork() {
		ApiClient script = ApiClient.onPort(this.port);
		assertThat(script.chat("income 90000").status()).isEqualTo(200);
		assertThat(script.get("/api/form").json().get("form").get("annualIncome").asInt()).isEqualTo(90000);
		ApiClient samePage = ApiClient.onPort(this.port).header("Origin", "http://127.0.0.1:" + this.port);
		assertThat(samePage.chat("hello").status()).isEqualTo(200);
		assertThat(samePage.get("/").status()).isEqualTo(200);
	}

}
