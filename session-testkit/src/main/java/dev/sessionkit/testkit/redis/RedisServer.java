package dev.sessionkit.testkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A {@code redis-server} process of a test's own, on a free port of 127.0.0.1, with its
 * data directory in a temporary folder. Only this process is ever stopped, by its PID.
 * <p>
 * The binary is {@code /usr/bin/redis-server} unless the {@code REDIS_SERVER} environment
 * variable or {@link Builder#binary} names another; a missing binary fails the test with
 * instructions rather than skipping it.
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

	private final List<String> options;

	private final @Nullable String password;

	private final @Nullable String configFile;

	private final @Nullable String binary;

	private final Path directory;

	private final int port;

	private @Nullable Process process;

	private RedisServer(List<String> options, @Nullable String password, @Nullable String configFile,
			@Nullable String binary, Path directory, int port) {
		this.options = List.copyOf(options);
		this.binary = binary;
		this.password = password;
		this.configFile = configFile;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Starts a server that keeps nothing on disk.
	 * @return the running server
	 */
	public static RedisServer start() {
		return builder().start();
	}

	/**
	 * Returns a builder for a server with options.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the server's URL, {@code redis://127.0.0.1:<port>}.
	 * @return the URL
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Returns the server's data directory.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Returns the process id of the running server.
	 * @return the PID
	 */
	public long pid() {
		return running().pid();
	}

	/**
	 * Sends one command and returns its reply.
	 * @param arguments the command and its arguments
	 * @return the reply: a String, Long, List, or {@code null}
	 */
	public @Nullable Object command(String... arguments) {
		try (RespClient connection = new RespClient(this.port)) {
			if (this.password != null) {
				connection.command("AUTH", this.password);
			}
			return connection.command(arguments);
		}
	}

	/**
	 * Stops the server as an operator would (SIGTERM) and waits for it to exit.
	 */
	public void stop() {
		Process running = this.process;
		if (running != null) {
			running.destroy();
			awaitExit(running);
			this.process = null;
		}
	}

	/**
	 * Kills the server at once (SIGKILL), as a crash would: nothing is flushed.
	 */
	public void kill() {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly();
			awaitExit(running);
			this.process = null;
		}
	}

	/**
	 * Starts the server again on the same port and data directory, after {@link #stop} or
	 * {@link #kill}.
	 * @return this server
	 */
	public RedisServer restart() {
		if (this.process != null) {
			throw new IllegalStateException("Redis on port " + this.port + " is still running");
		}
		launch();
		return this;
	}

	@Override
	public void close() {
		stop();
	}

	private Process running() {
		return Objects.requireNonNull(this.process, () -> "Redis on port " + this.port + " is not running");
	}

	private void launch() {
		String binary = (this.binary != null) ? this.binary
				: Objects.requireNonNullElse(System.getenv("REDIS_SERVER"), "/usr/bin/redis-server");
		if (!Files.isExecutable(Path.of(binary))) {
			throw new IllegalStateException("No server binary at " + binary + ": install it (apt-get install "
					+ Path.of(binary).getFileName() + ") or set REDIS_SERVER to the path of redis-server");
		}
		List<String> command = new ArrayList<>(List.of(binary));
		if (this.configFile != null) {
			Path file = this.directory.resolve("redis.conf");
			try {
				if (!Files.exists(file)) {
					Files.writeString(file, this.configFile);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			command.add(file.toString());
		}
		command.addAll(List.of("--port", Integer.toString(this.port), "--bind", "127.0.0.1", "--protected-mode", "yes",
				"--daemonize", "no", "--dir", this.directory.toString(), "--save", "", "--logfile",
				this.directory.resolve("redis.log").toString()));
		command.addAll(this.options);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("stdout.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + binary, ex);
		}
		awaitReady();
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		Exception last = null;
		while (System.nanoTime() < deadline) {
			if (!running().isAlive()) {
				throw new IllegalStateException("redis-server exited at startup: " + log());
			}
			try {
				if ("PONG".equals(command("PING"))) {
					return;
				}
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			sleep(20);
		}
		kill();
		throw new IllegalStateException(
				"redis-server on port " + this.port + " did not answer PING within " + STARTUP_TIMEOUT + ": " + log(),
				last);
	}

	private String log() {
		try {
			return Files.readString(this.directory.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static void awaitExit(Process process) {
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Redis", ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on 127.0.0.1", ex);
		}
	}

	/**
	 * Builds and starts a {@link RedisServer}.
	 */
	public static final class Builder {

		private final List<String> options = new ArrayList<>();

		private @Nullable String password;

		private @Nullable String configFile;

		private @Nullable String binary;

		private Builder() {
		}

		/**
		 * Runs another server binary, such as {@code /usr/bin/valkey-server} for what the
		 * machine's Redis lacks ({@code WAITAOF} needs Redis 7.2 or Valkey).
		 * @param binary the path of the server binary
		 * @return this builder
		 */
		public Builder binary(String binary) {
			this.binary = binary;
			return this;
		}

		/**
		 * Makes this a Sentinel that monitors the given primary under the given name,
		 * with a quorum of one.
		 * @param master the name the primary is monitored under
		 * @param primary the primary
		 * @return this builder
		 */
		public Builder sentinelOf(String master, RedisServer primary) {
			this.configFile = "sentinel monitor " + master + " 127.0.0.1 " + primary.port() + " 1\n"
					+ "sentinel down-after-milliseconds " + master + " 2000\n";
			this.options.add("--sentinel");
			return this;
		}

		/**
		 * Requires clients to authenticate with this password ({@code requirepass});
		 * {@link RedisServer#command} authenticates by itself.
		 * @param password the password
		 * @return this builder
		 */
		public Builder password(String password) {
			this.password = password;
			return option("--requirepass", password);
		}

		/**
		 * Turns on the append-only file with the given fsync policy.
		 * @param fsync {@code always}, {@code everysec} or {@code no}
		 * @return this builder
		 */
		public Builder appendOnly(String fsync) {
			return option("--appendonly", "yes").option("--appendfsync", fsync);
		}

		/**
		 * Adds a server option, as on the {@code redis-server} command line.
		 * @param name the option, such as {@code --maxmemory}
		 * @param value its value
		 * @return this builder
		 */
		public Builder option(String name, String value) {
			this.options.add(name);
			this.options.add(value);
			return this;
		}

		/**
		 * Starts the server.
		 * @return the running server
		 */
		public RedisServer start() {
			IllegalStateException failure = null;
			for (int attempt = 0; attempt < 3; attempt++) {
				Path directory;
				try {
					directory = Files.createTempDirectory("sessionkit-redis-");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				RedisServer server = new RedisServer(this.options, this.password, this.configFile, this.binary,
						directory, freePort());
				try {
					server.launch();
					return server;
				}
				catch (IllegalStateException ex) {
					failure = ex;
				}
			}
			throw Objects.requireNonNull(failure);
		}

	}

}
