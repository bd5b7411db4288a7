package dev.sessionkit.autoconfigure.roundtrips;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sessionkit.testkit.redis.RedisServer;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script calls per HTTP request through the whole stack (Spring Session's filter commits
 * a session twice when a handler writes a body, and looks it up again each time), counted
 * by Redis itself: one for a read-only request, two for a writing one.
 */
class HttpRoundTripsIT {

	private static final Pattern EVALSHA = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");

	private static RedisServer redis;

	private static ConfigurableApplicationContext application;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		application = new SpringApplication(RoundTripsApplication.class).run("--server.port=0",
				"--sessionkit.redis.url=" + redis.url(), "--sessionkit.redis.sweep-interval=0s",
				"--spring.main.banner-mode=off");
	}

	@AfterAll
	static void stop() {
		application.close();
		redis.close();
	}

	private static long scriptCalls() throws InterruptedException {
		Thread.sleep(200);
		Matcher matcher = EVALSHA.matcher(String.valueOf(redis.command("INFO", "commandstats")));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void readOnlyRequestCostsOneScriptCallAndWritingTwo() throws Exception {
		HttpResponse<String> created = get("/write", null);
		String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));
		get("/read", cookie);
		get("/write", cookie);
		long before = scriptCalls();
		assertThat(get("/read", cookie).body()).contains("hello");
		long afterRead = scriptCalls();
		get("/write", cookie);
		long afterWrite = scriptCalls();
		assertThat(afterRead - before).as("script calls for a read-only request").isEqualTo(1);
		assertThat(afterWrite - afterRead).as("script calls for a writing request").isEqualTo(2);
	}

	@SpringBootApplication
	static class RoundTripsApplication {

		@Bean
		SecurityFilterChain permitAll(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@RestController
		static class ChatController {

			@GetMapping("/read")
			List<String> read(HttpSession session) {
				@SuppressWarnings("unchecked")
				List<String> chat = (List<String>) session.getAttribute("chat");
				return chat;
			}

			@GetMapping("/write")
			List<String> write(HttpSession session) {
				List<String> chat = List.of("hello", "message " + System.nanoTime());
				session.setAttribute("chat", chat);
				return chat;
			}

		}

	}

}
