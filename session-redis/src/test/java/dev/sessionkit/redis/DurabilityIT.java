package dev.sessionkit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code appendonly yes} and {@code appendfsync always}, every save Redis
 * acknowledged survives a {@code kill -9} of Redis, and the same client carries on once
 * Redis is back on the same AOF.
 */
class DurabilityIT {

	@Test
	void acknowledgedSavesSurviveKillNine() {
		try (RedisServer server = RedisServer.builder().appendOnly("always").start()) {
			RedissonClient redisson = RedisFixture.client(server);
			try {
				SessionKitRepository repository = new SessionKitRepository(
						RedissonSessionStore.builder(redisson).build(), AttributeCodec.json());
				List<String> ids = new ArrayList<>();
				for (int i = 0; i < 300; i++) {
					KitSession session = repository.createSession();
					session.setAttribute("form", Map.of("income", 1000L * i));
					repository.save(session);
					KitSession update = repository.findById(session.getId());
					update.setAttribute("chat", List.of("message " + i));
					update.removeAttribute("form");
					repository.save(update);
					ids.add(session.getId());
				}
				server.kill();
				server.restart();
				await().atMost(Duration.ofSeconds(30))
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(repository.findById(ids.get(0))).isNotNull());
				for (int i = 0; i < ids.size(); i++) {
					KitSession found = repository.findById(ids.get(i));
					assertThat(found).as("session %d", i).isNotNull();
					assertThat(found.getAttributeNames()).containsExactly("chat");
					assertThat(found.<List<String>>getAttribute("chat")).containsExactly("message " + i);
				}
			}
			finally {
				redisson.shutdown();
			}
		}
	}

}
