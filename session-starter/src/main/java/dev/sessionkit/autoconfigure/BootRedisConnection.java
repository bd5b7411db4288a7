package dev.sessionkit.autoconfigure;

import java.util.List;

import dev.sessionkit.autoconfigure.SessionKitProperties.Redis;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;
import org.springframework.boot.ssl.SslBundle;

/**
 * Spring Boot's Redis connection details ({@code spring.data.redis.*}, and what
 * {@code @ServiceConnection} or Docker Compose contribute), used when
 * {@code sessionkit.redis.*} names no server. Loaded only when
 * {@code spring-boot-data-redis} is on the class path.
 */
final class BootRedisConnection {

	static final String DETAILS_CLASS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

	private final ObjectProvider<DataRedisConnectionDetails> details;

	BootRedisConnection(ObjectProvider<DataRedisConnectionDetails> details) {
		this.details = details;
	}

	/**
	 * Copies Boot's connection details into the Redis properties.
	 * @return the TLS settings of Boot's SSL bundle, if it names one
	 */
	@Nullable SslBundle applyTo(Redis redis) {
		DataRedisConnectionDetails connection = this.details.getIfAvailable();
		if (connection == null) {
			return null;
		}
		redis.setUsername(connection.getUsername());
		redis.setPassword(connection.getPassword());
		redis.setSsl(connection.getSslBundle() != null);
		DataRedisConnectionDetails.Sentinel sentinel = connection.getSentinel();
		DataRedisConnectionDetails.Cluster cluster = connection.getCluster();
		if (sentinel != null) {
			redis.getSentinel().setMaster(sentinel.getMaster());
			redis.getSentinel().setNodes(addresses(sentinel.getNodes()));
			redis.getSentinel().setPassword(sentinel.getPassword());
			redis.setDatabase(sentinel.getDatabase());
		}
		else if (cluster != null) {
			redis.getCluster().setNodes(addresses(cluster.getNodes()));
		}
		else {
			DataRedisConnectionDetails.Standalone standalone = connection.getStandalone();
			redis.setHost(standalone.getHost());
			redis.setPort(standalone.getPort());
			redis.setDatabase(standalone.getDatabase());
		}
		return connection.getSslBundle();
	}

	private static List<String> addresses(List<Node> nodes) {
		return nodes.stream().map((node) -> node.host() + ":" + node.port()).toList();
	}

}
