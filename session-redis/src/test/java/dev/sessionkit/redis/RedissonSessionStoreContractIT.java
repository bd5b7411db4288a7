package dev.sessionkit.redis;

import java.time.Clock;

import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.testkit.SessionStoreContract;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract kit on the Redis store, against a real standalone {@code redis-server}.
 */
class RedissonSessionStoreContractIT extends SessionStoreContract {

	private static RedisServer server;

	private static RedissonClient redisson;

	@BeforeAll
	static void startRedis() {
		server = RedisServer.start();
		redisson = RedisFixture.client(server);
	}

	@AfterAll
	static void stopRedis() {
		redisson.shutdown();
		server.close();
	}

	@Override
	protected SessionStore createStore(Clock clock) {
		server.command("FLUSHALL");
		return RedissonSessionStore.builder(redisson).keyPrefix("sessionkit:contract:").build();
	}

	@Override
	protected void assertNothingStored(SessionStore store) {
		assertThat(server.command("KEYS", "*")).as("keys left in Redis").asList().isEmpty();
	}

}
