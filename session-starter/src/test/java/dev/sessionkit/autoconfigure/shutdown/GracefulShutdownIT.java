package dev.sessionkit.autoconfigure.shutdown;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sessionkit.testkit.redis.RedisServer;
import jakarta.servlet.http.HttpSession;
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
 * Shutting an application down while a request is in flight: the request finishes and its
 * session is saved in Redis before the Redis client closes.
 */
class GracefulShutdownIT {

	static final CountDownLatch requestStarted = new CountDownLatch(1);

	@Test
	void inFlightRequestSavesItsSessionBeforeRedisCloses() throws Exception {
		try (RedisServer redis = RedisServer.start()) {
			ConfigurableApplicationContext application = new SpringApplication(SlowApplication.class)
				.run("--server.port=0", "--sessionkit.redis.url=" + redis.url(), "--spring.main.banner-mode=off");
			int port = ((WebServerApplicationContext) application).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			CompletableFuture<HttpResponse<String>> inFlight = http
				.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(requestStarted.await(10, TimeUnit.SECONDS)).isTrue();
			application.close();
			HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
			String id = new String(
					java.util.Base64.getDecoder().decode(cookie.substring("SESSION=".length(), cookie.indexOf(';'))));
			assertThat(redis.command("HGET", "sessionkit:sessions:{" + id + "}", "attr:done")).isEqualTo("true");
		}
	}

	@SpringBootApplication
	static class SlowApplication {

		@Bean
		SecurityFilterChain permitAll(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@RestController
		static class SlowController {

			@GetMapping("/slow")
			String slow(HttpSession session) throws InterruptedException {
				requestStarted.countDown();
				Thread.sleep(1500);
				session.setAttribute("done", true);
				return "done";
			}

		}

	}

}
