package dev.sessionkit.testkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster of three masters and no replicas, each a {@link RedisServer} of its own
 * on 127.0.0.1, joined with {@code redis-cli --cluster create}.
 */
public final class RedisCluster implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private final List<RedisServer> nodes;

	private RedisCluster(List<RedisServer> nodes) {
		this.nodes = List.copyOf(nodes);
	}

	/**
	 * Starts three masters and joins them into one cluster covering all slots.
	 * @return the running cluster
	 */
	public static RedisCluster start() {
		List<RedisServer> nodes = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				nodes.add(RedisServer.builder()
					.option("--cluster-enabled", "yes")
					.option("--cluster-config-file", "nodes.conf")
					.option("--cluster-node-timeout", "5000")
					.start());
			}
			RedisCluster cluster = new RedisCluster(nodes);
			cluster.create();
			return cluster;
		}
		catch (RuntimeException ex) {
			nodes.forEach(RedisServer::close);
			throw ex;
		}
	}

	/**
	 * Returns the nodes, for clients to start from.
	 * @return the nodes
	 */
	public List<RedisServer> nodes() {
		return this.nodes;
	}

	/**
	 * Returns the node addresses as {@code redis://127.0.0.1:<port>}.
	 * @return the addresses
	 */
	public List<String> urls() {
		return this.nodes.stream().map(RedisServer::url).toList();
	}

	/**
	 * Returns every key of every node.
	 * @return the keys
	 */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		for (RedisServer node : this.nodes) {
			Object reply = node.command("KEYS", "*");
			if (reply instanceof List<?> list) {
				list.forEach((key) -> keys.add(String.valueOf(key)));
			}
		}
		return keys;
	}

	/**
	 * Deletes every key of every node.
	 */
	public void flushAll() {
		this.nodes.forEach((node) -> node.command("FLUSHALL"));
	}

	@Override
	public void close() {
		this.nodes.forEach(RedisServer::close);
	}

	private void create() {
		List<String> command = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
		this.nodes.forEach((node) -> command.add("127.0.0.1:" + node.port()));
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.nodes.get(0).directory().resolve("cluster-create.log").toFile())
				.start();
			if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("redis-cli --cluster create failed; see "
						+ this.nodes.get(0).directory().resolve("cluster-create.log"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run redis-cli", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.nodes.stream().allMatch(this::isReady)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Cluster did not reach cluster_state:ok within " + READY_TIMEOUT);
	}

	private boolean isReady(RedisServer node) {
		Object info = node.command("CLUSTER", "INFO");
		return info != null && info.toString().contains("cluster_state:ok")
				&& info.toString().contains("cluster_slots_assigned:16384");
	}

}
