package dev.sessionkit.benchmarks.run;

import java.util.Map;

import dev.sessionkit.benchmarks.app.BenchApplication;
import dev.sessionkit.benchmarks.stores.RedisTraffic;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark applications start, serve their endpoints, and count Redis traffic the
 * way Redis itself does. Not a performance test: nothing here is timed.
 */
class BenchApplicationSmokeTests {

	private static RedisServer redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void springSessionDataRedisSendsWhatItsIssuesDescribe() {
		try (ConfigurableApplicationContext app = start("ssdr-json")) {
			Http http = http(app);
			String cookie = http.newSession();
			Bench.sleep(Bench.SETTLE_MILLIS);
			http.resetTraffic();
			http.call("GET", "/read", cookie);
			Bench.sleep(Bench.SETTLE_MILLIS);
			RedisTraffic.Counts read = http.traffic();
			assertThat(read.roundTrips()).isEqualTo(6);
			assertThat(read.byName()).isEqualTo(Map.of("HGETALL", 2L, "EXISTS", 2L, "HMSET", 1L, "PEXPIREAT", 1L));
		}
	}

	@Test
	void sessionKitTrafficMatchesWhatRedisCounts() {
		try (ConfigurableApplicationContext app = start("kit-redis"); Resp server = new Resp(redis.port())) {
			Http http = http(app);
			String cookie = http.newSession();
			http.call("GET", "/read", cookie);
			// the application's sweeper runs at every minute: count away from it
			Bench.awaitQuietSecond();
			Bench.sleep(Bench.SETTLE_MILLIS);
			server.command("CONFIG", "RESETSTAT");
			http.resetTraffic();
			http.call("GET", "/read", cookie);
			http.call("POST", "/write", cookie);
			Bench.sleep(Bench.SETTLE_MILLIS);
			RedisTraffic.Counts client = http.traffic();
			assertThat(client.byName()).containsOnlyKeys("EVALSHA");
			assertThat(server.commandCalls()).containsEntry("evalsha", client.commands());
			assertThat(client.roundTrips()).isEqualTo(client.commands());
		}
	}

	@Test
	void memoryStoreServesWithoutRedis() {
		try (ConfigurableApplicationContext app = start("kit-memory")) {
			Http http = http(app);
			String cookie = http.newSession();
			http.resetTraffic();
			http.call("GET", "/read", cookie);
			http.call("POST", "/write", cookie);
			assertThat(http.traffic().roundTrips()).isZero();
			// the driver's warm-up watches this: by now the JIT has compiled the
			// startup's code
			assertThat(http.jitMillis()).isPositive();
		}
	}

	private static ConfigurableApplicationContext start(String store) {
		return SpringApplication.run(BenchApplication.class, "--server.port=0", "--bench.store=" + store,
				"--bench.redis.port=" + redis.port());
	}

	private static Http http(ConfigurableApplicationContext app) {
		return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

}
