package dev.sessionkit.redis;

import dev.sessionkit.testkit.redis.RedisServer;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.NettyHook;
import org.redisson.config.Config;

/**
 * Redisson clients for the tests, on a {@link RedisServer} of their own.
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
			.setConnectionPoolSize(16)
			.setPingConnectionInterval((hook != null) ? 0 : 30_000)
			.setTimeout(2_000)
			.setRetryAttempts(1);
		return Redisson.create(config);
	}

}
