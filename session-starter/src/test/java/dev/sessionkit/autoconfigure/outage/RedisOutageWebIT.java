package dev.sessionkit.autoconfigure.outage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.sessionkit.testkit.redis.RedisServer;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.awaitility.Awaitility.await;

/**
 * Redis going down under a running application: requests get a 503 with
 * {@code Retry-After} within the configured bound, never a 500 with a stack trace, both
 * when loading the session and when saving it; once Redis is back the same application
 * serves the same session again, without a restart.
 */
class RedisOutageWebIT {

	static final AtomicReference<Runnable> duringRequest = new AtomicReference<>(() -> {
	});

	private RedisServer redis;

	private ConfigurableApplicationContext application;

	private final HttpClient http = HttpClient.newHttpClient();

	private String cookie;

	@BeforeEach
	void start() {
		this.redis = RedisServer.builder().appendOnly("everysec").start();
		this.application = new SpringApplication(OutageApplication.class).run("--server.port=0",
				"--sessionkit.redis.url=" + this.redis.url(), "--sessionkit.redis.timeout=300ms",
				"--sessionkit.redis.connect-timeout=300ms", "--sessionkit.redis.retry.attempts=2",
				"--sessionkit.redis.retry.initial-delay=50ms", "--sessionkit.redis.retry.max-delay=200ms",
				"--spring.main.banner-mode=off");
	}

	@AfterEach
	void stop() {
		duringRequest.set(() -> {
		});
		this.application.close();
		this.redis.close();
	}

	private HttpResponse<String> get(String path) throws Exception {
		int port = ((WebServerApplicationContext) this.application).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20));
		if (this.cookie != null) {
			request.header("Cookie", this.cookie);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		response.headers()
			.firstValue("Set-Cookie")
			.ifPresent((setCookie) -> this.cookie = setCookie.substring(0, setCookie.indexOf(';')));
		return response;
	}

	@Test
	void unreachableRedisWhenLoadingAnswers503AndTheSessionComesBack() throws Exception {
		assertThat(get("/counter").body()).isEqualTo("1");
		this.redis.stop();
		long started = System.nanoTime();
		HttpResponse<String> unavailable = get("/counter");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(unavailable.body()).contains("briefly unavailable")
			.doesNotContain("Exception")
			.doesNotContain("at ");
		this.redis.restart();
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get("/counter").statusCode()).isEqualTo(200));
		assertThat(get("/counter").body()).as("the same session, kept by Redis across its restart").isEqualTo("3");
	}

	@Test
	void unreachableRedisWhenSavingAnswers503() throws Exception {
		assertThat(get("/counter").body()).isEqualTo("1");
		duringRequest.set(this.redis::stop);
		HttpResponse<String> unavailable = get("/counter");
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(unavailable.body()).as("the whole 503 body, not what the handler had written")
			.endsWith("retry in a few seconds.\"}");
	}

	@SpringBootApplication
	static class OutageApplication {

		@Bean
		SecurityFilterChain permitAll(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@RestController
		static class CounterController {

			@GetMapping("/counter")
			int counter(HttpSession session) {
				Integer count = (Integer) session.getAttribute("count");
				int next = (count != null) ? count + 1 : 1;
				session.setAttribute("count", next);
				duringRequest.get().run();
				return next;
			}

		}

	}

}
