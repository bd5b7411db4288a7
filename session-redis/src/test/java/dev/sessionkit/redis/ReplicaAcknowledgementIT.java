package dev.sessionkit.redis;

import java.time.Duration;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional durability setting: with a replica required, a save returns once the
 * replica has it, and fails loudly when no replica confirms it.
 */
class ReplicaAcknowledgementIT {

	@Test
	void savesWaitForTheReplicaAndFailWhenItIsGone() {
		try (RedisServer primary = RedisServer.start();
				RedisServer replica = RedisServer.builder()
					.option("--replicaof", "127.0.0.1 " + primary.port())
					.start()) {
			RedisFixture.awaitReplicaLink(replica);
			RedissonClient redisson = RedisFixture.client(primary);
			try {
				SessionKitRepository repository = new SessionKitRepository(
						RedissonSessionStore.builder(redisson).waitForReplicas(1, Duration.ofMillis(500)).build(),
						AttributeCodec.json());
				KitSession session = repository.createSession();
				session.setAttribute("a", 1);
				repository.save(session);
				assertThat(replica.command("EXISTS", "sessionkit:sessions:{" + session.getId() + "}")).isEqualTo(1L);
				RedisFixture.assertSaveFailsOnceReplicaIsGone(repository, session.getId(), replica);
			}
			finally {
				redisson.shutdown();
			}
		}
	}

}
