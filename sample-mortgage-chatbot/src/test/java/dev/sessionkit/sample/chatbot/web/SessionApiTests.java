package dev.sessionkit.sample.chatbot.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.sample.chatbot.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session API over real HTTP on the default memory store: its contract, JSON errors,
 * unknown and expired sessions, the 100-message cap, oversized requests and the
 * first-party cookie.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class SessionApiTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SessionKitRepository repository;

	private ApiClient api;

	@BeforeEach
	void newBrowser() {
		this.api = ApiClient.onPort(this.port);
	}

	@Test
	void postCreatesASessionWithAFirstPartyCookie() {
		Response created = this.api.post("/api/session", null);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("valid").asBoolean()).isTrue();
		assertThat(created.json().get("created").asBoolean()).isTrue();
		assertThat(created.json().get("timeoutSeconds").asInt()).isEqualTo(1800);
		assertThat(created.sessionCookie()).startsWith("SESSION=")
			.contains("; Path=/")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax")
			.doesNotContain("Secure")
			.doesNotContain("Partitioned")
			.doesNotContain("Max-Age");
		assertThat(created.header("X-Auth-Token")).isNull();
		assertThat(created.header("Access-Control-Allow-Origin")).isNull();
		assertThat(created.body()).doesNotContain(sessionId());
		Response again = this.api.post("/api/session", null);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("created").asBoolean()).isFalse();
		assertThat(again.sessionCookie()).isNull();
	}

	@Test
	void readingWithoutASessionCreatesNone() {
		Response validate = this.api.get("/api/session/validate");
		assertThat(validate.status()).isEqualTo(200);
		assertThat(validate.json().get("valid").asBoolean()).isFalse();
		Response history = this.api.get("/api/session/history");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json().get("messages")).isEmpty();
		assertThat(history.json().get("maxMessages").asInt()).isEqualTo(100);
		assertThat(history.json().get("form").get("annualIncome").isNull()).isTrue();
		assertThat(this.api.get("/api/form").status()).isEqualTo(200);
		assertThat(this.api.cookie()).isNull();
	}

	@Test
	void historyHasTheFormAndTimestampedMessages() {
		Instant before = Instant.now();
		assertThat(this.api.patch("/api/form", "{\"annualIncome\":\"120,000\",\"monthlyDebts\":500}").status())
			.isEqualTo(200);
		assertThat(this.api.chat("what is my DTI?").status()).isEqualTo(200);
		JsonNode history = this.api.get("/api/session/history").json();
		assertThat(history.get("form").get("annualIncome").decimalValue()).isEqualByComparingTo("120000");
		assertThat(history.get("estimate").get("currentDebtToIncome").decimalValue()).isEqualByComparingTo("5.00");
		JsonNode messages = history.get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).get("author").asString()).isEqualTo("USER");
		assertThat(messages.get(0).get("text").asString()).isEqualTo("what is my DTI?");
		assertThat(messages.get(1).get("author").asString()).isEqualTo("BOT");
		assertThat(messages.get(1).get("text").asString()).contains("$500 ÷ $10,000 = 5.0%");
		assertThat(Instant.parse(messages.get(1).get("at").asString())).isBetween(before, Instant.now());
		JsonNode validate = this.api.get("/api/session/validate").json();
		assertThat(validate.get("valid").asBoolean()).isTrue();
		assertThat(Instant.parse(validate.get("expiresAt").asString())).isAfter(Instant.now().plusSeconds(1700));
	}

	@Test
	void deleteForgetsEverything() {
		this.api.patch("/api/form", "{\"annualIncome\":90000}");
		String oldCookie = this.api.cookie();
		Response deleted = this.api.delete("/api/session");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.sessionCookie()).contains("Max-Age=0");
		assertThat(this.api.cookie(oldCookie).get("/api/session/validate").json().get("valid").asBoolean()).isFalse();
		assertThat(this.api.get("/api/form").json().get("form").get("annualIncome").isNull()).isTrue();
		assertThat(this.api.delete("/api/session").status()).isEqualTo(204);
	}

	@Test
	void unknownSessionCookiesStartACleanSession() {
		for (String cookie : new String[] { Base64.getEncoder().encodeToString("no-such-session".getBytes()),
				"!!not base64!!", "" }) {
			ApiClient stranger = ApiClient.onPort(this.port).cookie(cookie);
			Response history = stranger.get("/api/session/history");
			assertThat(history.status()).isEqualTo(200);
			assertThat(history.json().get("messages")).isEmpty();
			Response saved = stranger.patch("/api/form", "{\"creditScore\":700}");
			assertThat(saved.status()).isEqualTo(200);
			assertThat(stranger.cookie()).isNotEqualTo(cookie).isNotNull();
			assertThat(stranger.get("/api/form").json().get("form").get("creditScore").asInt()).isEqualTo(700);
		}
	}

	@Test
	void anExpiredSessionStartsAClean() {
		this.api.patch("/api/form", "{\"annualIncome\":90000}");
		this.api.chat("hello");
		String expired = this.api.cookie();
		KitSession session = this.repository.findById(sessionId());
		session.setMaxInactiveInterval(Duration.ofSeconds(1));
		this.repository.save(session);
		sleep(Duration.ofMillis(1500));
		assertThat(this.api.get("/api/session/validate").json().get("valid").asBoolean()).isFalse();
		JsonNode history = this.api.get("/api/session/history").json();
		assertThat(history.get("messages")).isEmpty();
		assertThat(history.get("form").get("annualIncome").isNull()).isTrue();
		Response chat = this.api.chat("hello");
		assertThat(chat.status()).isEqualTo(200);
		assertThat(this.api.cookie()).isNotEqualTo(expired);
		assertThat(this.api.get("/api/session/history").json().get("messages")).hasSize(2);
	}

	@Test
	void conversationKeepsTheLatestHundredMessages() {
		for (int i = 1; i <= 55; i++) {
			assertThat(this.api.chat("message " + i + " " + "€".repeat(980)).status()).isEqualTo(200);
		}
		JsonNode messages = this.api.get("/api/session/history").json().get("messages");
		assertThat(messages).hasSize(100);
		assertThat(messages.get(0).get("text").asString()).startsWith("message 6 ");
		assertThat(messages.get(98).get("text").asString()).startsWith("message 55 ");
		Instant previous = Instant.EPOCH;
		for (JsonNode message : messages) {
			Instant at = Instant.parse(message.get("at").asString());
			assertThat(at).isAfterOrEqualTo(previous);
			previous = at;
		}
	}

	@Test
	void aOneMegabyteMessageIsRefusedAndTheSessionKept() throws Exception {
		this.api.patch("/api/form", "{\"annualIncome\":90000}");
		this.api.chat("hello");
		String cookie = this.api.cookie();
		String huge = "{\"message\":\"" + "a".repeat(1024 * 1024) + "\"}";
		Response refused = this.api.post("/api/chat", huge);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("larger than the 16 KB this API accepts");
		HttpResponse<String> chunked = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat"))
				.header("Content-Type", "application/json")
				.header("Cookie", "SESSION=" + cookie)
				.POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(413);
		Response tooLong = this.api.chat("b".repeat(2000));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("detail").asString())
			.isEqualTo("Your message is 2,000 characters long; the limit is 1,000.");
		assertThat(this.api.cookie()).isEqualTo(cookie);
		JsonNode history = this.api.get("/api/session/history").json();
		assertThat(history.get("messages")).hasSize(2);
		assertThat(history.get("form").get("annualIncome").asInt()).isEqualTo(90000);
	}

	@Test
	void errorsAreJsonProblems() {
		Response malformed = this.api.post("/api/chat", "{oops");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
		assertThat(malformed.json().get("detail").asString()).startsWith("The request body must be a JSON object");
		Response empty = this.api.chat("   ");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("detail").asString()).isEqualTo("Type a message first.");
		Response plain = this.api.send("POST", "/api/chat", null, "Content-Type", "text/plain");
		assertThat(plain.status()).isEqualTo(415);
		assertThat(plain.json().get("status").asInt()).isEqualTo(415);
		Response unknown = this.api.get("/api/nothing-here");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
		Response method = this.api.send("PATCH", "/api/session", null);
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.json().get("status").asInt()).isEqualTo(405);
	}

	@Test
	void healthCheckTouchesNoSession() {
		Response health = this.api.get("/healthz");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.sessionCookie()).isNull();
		Response withStaleCookie = this.api.cookie("bm9wZQ==").get("/healthz");
		assertThat(withStaleCookie.status()).isEqualTo(200);
		assertThat(withStaleCookie.sessionCookie()).isNull();
	}

	@Test
	void pageAndAssetsAreServedFromTheSameOrigin() {
		Response page = this.api.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Mortgage helper</h1>").contains("app.js");
		assertThat(this.api.get("/app.js").body()).contains("SESSIONKIT_API_BASE");
		assertThat(this.api.get("/app.css").status()).isEqualTo(200);
		assertThat(page.sessionCookie()).isNull();
	}

	private String sessionId() {
		return new String(Base64.getDecoder().decode(this.api.cookie()), StandardCharsets.UTF_8);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
