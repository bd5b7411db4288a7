package dev.sessionkit.redis;

import java.time.Duration;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.spi.SessionStoreException;
import dev.sessionkit.testkit.redis.RedisServer;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.NettyHook;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Redisson clients for the tests, on a {@link RedisServer} of their own, and what the
 * acknowledgement tests share.
 */
final class RedisFixture {

	private RedisFixture() {
	}

	static RedissonClient client(RedisServer server) {
		return client(server, null);
	}

	static RedissonClient client(RedisServer server, @Nullable NettyHook hook) {
		Config config = new Config();
		if (hook != null) {
			config.setNettyHook(hook);
		}
		config.useSingleServer()
			.setAddress(server.url())
			.setConnectionMinimumIdleSize(2)
			// the starter's default: under 10, concurrent commands share connections
			.setConnectionPoolSize(8)
			.setPingConnectionInterval((hook != null) ? 0 : 30_000)
			.setTimeout(2_000)
			.setRetryAttempts(1);
		return Redisson.create(config);
	}

	/** Waits until the replica has synchronized with its primary. */
	static void awaitReplicaLink(RedisServer replica) {
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(String.valueOf(replica.command("INFO", "replication")))
				.contains("master_link_status:up"));
	}

	/**
	 * Stops the replica, then checks that the next save of the session fails loudly
	 * because no replica confirmed it.
	 */
	static void assertSaveFailsOnceReplicaIsGone(SessionKitRepository repository, String id, RedisServer replica) {
		replica.stop();
		KitSession update = repository.findById(id);
		update.setAttribute("changed", true);
		assertThatExceptionOfType(SessionStoreException.class).isThrownBy(() -> repository.save(update))
			.withMessageContaining("0 of 1 replicas");
	}

}
