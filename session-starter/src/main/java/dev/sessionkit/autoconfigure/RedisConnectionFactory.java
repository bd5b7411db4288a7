package dev.sessionkit.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import dev.sessionkit.autoconfigure.SessionKitProperties.Redis;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;

import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * Builds the Redisson client of the Redis store from {@code sessionkit.redis.*}: one
 * server from a URL or host, Sentinel, Cluster, or a Redisson YAML file. Reads always go
 * to the primary, so a request sees the session the previous request wrote. Failing to
 * connect stops startup with the target named and its password masked.
 */
final class RedisConnectionFactory {

	private final Redis properties;

	private final @Nullable TrustManagerFactory trustManagerFactory;

	RedisConnectionFactory(Redis properties, @Nullable TrustManagerFactory trustManagerFactory) {
		this.properties = properties;
		this.trustManagerFactory = trustManagerFactory;
	}

	/**
	 * Where the client connects, for logs and errors: never a password.
	 */
	String describe() {
		Redis redis = this.properties;
		Resource config = redis.getConfig();
		if (config != null) {
			return "the Redisson configuration " + config.getDescription();
		}
		if (StringUtils.hasText(redis.getSentinel().getMaster())) {
			return "Sentinel master '" + redis.getSentinel().getMaster() + "' via " + redis.getSentinel().getNodes();
		}
		if (!redis.getCluster().getNodes().isEmpty()) {
			return "Redis Cluster via " + redis.getCluster().getNodes();
		}
		if (StringUtils.hasText(redis.getUrl())) {
			return Descriptions.url(redis.getUrl().trim());
		}
		return (redis.isSsl() ? "rediss://" : "redis://") + host() + ":" + redis.getPort() + "/" + redis.getDatabase();
	}

	RedissonClient connect() {
		Config config = config();
		try {
			return Redisson.create(config);
		}
		catch (RuntimeException ex) {
			throw new RedisSetupException(
					"Cannot connect to Redis at " + describe() + " for the session store: " + rootMessage(ex),
					"Check that Redis runs and that sessionkit.redis.url (REDIS_URL) or sessionkit.redis.host "
							+ "(REDIS_HOST) point at it with the right password; or set sessionkit.store=memory "
							+ "(SESSION_STORE=memory) to keep sessions in memory.",
					ex);
		}
	}

	Config config() {
		Redis redis = this.properties;
		Resource file = redis.getConfig();
		if (file != null) {
			try (InputStream in = file.getInputStream()) {
				return Config.fromYAML(in);
			}
			catch (IOException | RuntimeException ex) {
				throw new RedisSetupException(
						"Cannot read the Redisson configuration " + file.getDescription() + ": " + rootMessage(ex),
						"Fix sessionkit.redis.config, or remove it to configure Redis with " + "sessionkit.redis.url.",
						ex);
			}
		}
		Config config = new Config();
		config.setNettyThreads(ioThreads());
		// sessions are strings: looking every argument up as a possible Redisson object
		// reference costs a reflective class check a command
		config.setReferenceEnabled(false);
		if (this.trustManagerFactory != null) {
			config.setSslTrustManagerFactory(this.trustManagerFactory);
		}
		if (StringUtils.hasText(redis.getSentinel().getMaster())) {
			credentials(config, redis.getUsername(), redis.getPassword());
			SentinelServersConfig sentinel = common(config.useSentinelServers());
			sentinel.setMasterName(redis.getSentinel().getMaster())
				.setDatabase(redis.getDatabase())
				.setCheckSentinelsList(false);
			if (redis.getSentinel().getPassword() != null) {
				sentinel.setSentinelPassword(redis.getSentinel().getPassword());
			}
			addresses(redis.getSentinel().getNodes(), sentinel::addSentinelAddress);
			primaryOnly(sentinel);
			return config;
		}
		if (!redis.getCluster().getNodes().isEmpty()) {
			credentials(config, redis.getUsername(), redis.getPassword());
			ClusterServersConfig cluster = common(config.useClusterServers());
			addresses(redis.getCluster().getNodes(), cluster::addNodeAddress);
			primaryOnly(cluster);
			return config;
		}
		if (StringUtils.hasText(redis.getUrl())) {
			RedisUrl url = RedisUrl.parse(redis.getUrl());
			credentials(config, (url.username() != null) ? url.username() : redis.getUsername(),
					(url.password() != null) ? url.password() : redis.getPassword());
			common(config.useSingleServer().setAddress(url.address()))
				.setDatabase((url.database() != null) ? url.database() : redis.getDatabase())
				.setConnectionPoolSize(redis.getConnectionPoolSize())
				.setConnectionMinimumIdleSize(redis.getConnectionMinimumIdleSize());
			return config;
		}
		credentials(config, redis.getUsername(), redis.getPassword());
		common(config.useSingleServer()
			.setAddress((redis.isSsl() ? "rediss://" : "redis://") + host() + ":" + redis.getPort()))
			.setDatabase(redis.getDatabase())
			.setConnectionPoolSize(redis.getConnectionPoolSize())
			.setConnectionMinimumIdleSize(redis.getConnectionMinimumIdleSize());
		return config;
	}

	/**
	 * Netty threads for the client: Redisson's default, 32, costs more CPU per command
	 * than the I/O it spreads, on the few cores an application usually has.
	 */
	private int ioThreads() {
		int threads = this.properties.getIoThreads();
		if (threads < 0) {
			throw new RedisSetupException("sessionkit.redis.io-threads must not be negative, but was " + threads,
					"Set sessionkit.redis.io-threads to 0 (as many as there are processors, at least 2) "
							+ "or to a positive number.",
					null);
		}
		return (threads > 0) ? threads : Math.max(2, Runtime.getRuntime().availableProcessors());
	}

	/** The host when no URL is given: localhost unless set, as for Spring Data Redis. */
	private String host() {
		String host = this.properties.getHost();
		return StringUtils.hasText(host) ? host.trim() : "localhost";
	}

	private <T extends BaseConfig<T>> T common(T server) {
		Redis redis = this.properties;
		return server.setTimeout(millis(redis.getTimeout()))
			.setConnectTimeout(millis(redis.getConnectTimeout()))
			.setPingConnectionInterval(millis(redis.getPingInterval()))
			.setRetryAttempts(redis.getRetry().getAttempts())
			.setRetryDelay(new EqualJitterDelay(redis.getRetry().getInitialDelay(), redis.getRetry().getMaxDelay()));
	}

	private void primaryOnly(BaseMasterSlaveServersConfig<?> servers) {
		servers.setReadMode(ReadMode.MASTER)
			.setMasterConnectionPoolSize(this.properties.getConnectionPoolSize())
			.setMasterConnectionMinimumIdleSize(this.properties.getConnectionMinimumIdleSize())
			.setSlaveConnectionMinimumIdleSize(0);
	}

	private void addresses(List<String> nodes, Function<String[], ?> add) {
		String scheme = this.properties.isSsl() ? "rediss://" : "redis://";
		add.apply(nodes.stream().map((node) -> node.contains("://") ? node : scheme + node).toArray(String[]::new));
	}

	private static void credentials(Config config, @Nullable String username, @Nullable String password) {
		if (username != null) {
			config.setUsername(username);
		}
		if (password != null) {
			config.setPassword(password);
		}
	}

	private static int millis(java.time.Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

	/** The innermost message, with any configured password blanked out. */
	private String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		for (String secret : secrets()) {
			message = message.replace(secret, "******");
		}
		return message;
	}

	private List<String> secrets() {
		Redis redis = this.properties;
		List<String> secrets = new java.util.ArrayList<>();
		if (StringUtils.hasLength(redis.getPassword())) {
			secrets.add(redis.getPassword());
		}
		if (StringUtils.hasLength(redis.getSentinel().getPassword())) {
			secrets.add(redis.getSentinel().getPassword());
		}
		if (StringUtils.hasText(redis.getUrl())) {
			try {
				String password = RedisUrl.parse(redis.getUrl()).password();
				if (password != null) {
					secrets.add(password);
				}
			}
			catch (RedisSetupException ex) {
				// a malformed URL is reported on its own
			}
		}
		return secrets;
	}

}
