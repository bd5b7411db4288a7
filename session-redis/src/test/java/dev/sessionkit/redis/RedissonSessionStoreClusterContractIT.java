package dev.sessionkit.redis;

import java.time.Clock;

import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.testkit.SessionStoreContract;
import dev.sessionkit.testkit.redis.RedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract kit on the Redis store against a three-master Redis Cluster: every script
 * touches one slot, and changing a session id works without a cross-slot RENAME.
 */
class RedissonSessionStoreClusterContractIT extends SessionStoreContract {

	private static RedisCluster cluster;

	private static RedissonClient redisson;

	@BeforeAll
	static void startCluster() {
		cluster = RedisCluster.start();
		Config config = new Config();
		config.useClusterServers()
			.addNodeAddress(cluster.urls().toArray(String[]::new))
			.setReadMode(ReadMode.MASTER)
			.setMasterConnectionMinimumIdleSize(2)
			// the starter's default: under 10, concurrent commands share connections
			.setMasterConnectionPoolSize(8)
			.setTimeout(2_000);
		redisson = Redisson.create(config);
	}

	@AfterAll
	static void stopCluster() {
		redisson.shutdown();
		cluster.close();
	}

	@Override
	protected SessionStore createStore(Clock clock) {
		cluster.flushAll();
		return RedissonSessionStore.builder(redisson).keyPrefix("sessionkit:cluster:").build();
	}

	@Override
	protected void assertNothingStored(SessionStore store) {
		assertThat(cluster.keys()).as("keys left in the cluster").isEmpty();
	}

}
