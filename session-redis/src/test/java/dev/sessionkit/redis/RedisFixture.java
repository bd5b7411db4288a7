package dev.sessionkit.redis;

import dev.sessionkit.testkit.redis.RedisServer;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson clients for the tests, on a {@link RedisServer} of their own.
 */
final class RedisFixture {

	private RedisFixture() {
	}

	static RedissonClient client(RedisServer server) {
		Config config = new Config();
		config.useSingleServer()
			.setAddress(server.url())
			.setConnectionMinimumIdleSize(2)
			.setConnectionPoolSize(16)
			.setTimeout(2_000)
			.setRetryAttempts(1);
		return Redisson.create(config);
	}

}
