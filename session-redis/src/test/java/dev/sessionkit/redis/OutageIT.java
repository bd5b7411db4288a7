package dev.sessionkit.redis;

import java.time.Duration;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.SessionStoreException;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away and coming back: callers get a {@link SessionStoreException} within
 * the configured bound, never a hang, and the same client recovers by itself.
 */
class OutageIT {

	@Test
	void outageFailsFastAndRecoversWithoutARestart() {
		try (RedisServer server = RedisServer.builder().appendOnly("everysec").start()) {
			Config config = new Config();
			config.useSingleServer()
				.setAddress(server.url())
				.setConnectionMinimumIdleSize(1)
				.setTimeout(500)
				.setConnectTimeout(500)
				.setRetryAttempts(2)
				.setRetryDelay(new EqualJitterDelay(Duration.ofMillis(50), Duration.ofMillis(200)));
			RedissonClient redisson = Redisson.create(config);
			try {
				SessionKitRepository repository = new SessionKitRepository(
						RedissonSessionStore.builder(redisson).build(), AttributeCodec.json());
				KitSession session = repository.createSession();
				session.setAttribute("a", 1);
				repository.save(session);
				server.stop();
				long started = System.nanoTime();
				assertThatExceptionOfType(SessionStoreException.class)
					.isThrownBy(() -> repository.findById(session.getId()))
					.withMessageContaining("Redis could not");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
				server.restart();
				await().atMost(Duration.ofSeconds(20))
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(repository.findById(session.getId()).<Integer>getAttribute("a"))
						.isEqualTo(1));
			}
			finally {
				redisson.shutdown();
			}
		}
	}

}
