package dev.sessionkit.sample.chatbot.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The packaged sample ({@code java -jar}) as a process of the test's own, on a port of
 * 127.0.0.1, with the environment a platform would give it. Only this process is ever
 * stopped, by its PID. Its output goes to {@code target/app-logs/<name>.log}.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	/** Variables of the test's own environment that must not leak into the app's. */
	private static final List<String> CLEARED = List.of("PORT", "SESSION_STORE", "SESSION_TTL_SECONDS", "REDIS_URL",
			"REDIS_PREFIX", "FRONTEND_URL", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS", "SERVER_ADDRESS");

	private final String name;

	private final Map<String, String> environment;

	private final int port;

	private final Path log;

	private @Nullable Process process;

	private AppProcess(String name, Map<String, String> environment, int port, Path log) {
		this.name = name;
		this.environment = environment;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the app and waits until its health check answers.
	 * @param name a name for the log file
	 * @param environment variables such as {@code SESSION_STORE}; {@code PORT} defaults
	 * to a free port
	 * @return the running app
	 */
	static AppProcess start(String name, Map<String, String> environment) {
		Map<String, String> env = new LinkedHashMap<>(environment);
		env.putIfAbsent("PORT", Integer.toString(freePort()));
		env.putIfAbsent("SERVER_ADDRESS", "127.0.0.1");
		Path logs = Path.of(System.getProperty("app-logs.dir", "target/app-logs"));
		try {
			Files.createDirectories(logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		AppProcess app = new AppProcess(name, env, Integer.parseInt(env.get("PORT")), logs.resolve(name + ".log"));
		app.launch();
		return app;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Returns what the app has logged so far, across restarts.
	 */
	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	/**
	 * Stops the app as a platform would on redeploy (SIGTERM) and starts it again on the
	 * same port with the same environment.
	 */
	AppProcess restart() {
		stop();
		launch();
		return this;
	}

	/**
	 * Stops the app with SIGTERM, then SIGKILL if it has not exited after 20 seconds.
	 */
	void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(20, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	private void launch() {
		String jar = System.getProperty("chatbot.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("The packaged sample is missing (" + jar + "): run the integration tests "
					+ "with ./mvnw -pl sample-mortgage-chatbot verify, which packages it first");
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(
				List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k", "-jar", jar));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		CLEARED.forEach(builder.environment()::remove);
		builder.environment().keySet().removeIf((key) -> key.startsWith("SESSIONKIT_") || key.startsWith("CHATBOT_"));
		builder.environment().putAll(this.environment);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
		awaitHealthy();
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/healthz"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Process running = this.process;
			if (running == null || !running.isAlive()) {
				throw new IllegalStateException(this.name + " exited at startup; its log:\n" + tail());
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause(200);
		}
		stop();
		throw new IllegalStateException(
				this.name + " did not answer /healthz within " + STARTUP_TIMEOUT + "; its log:\n" + tail());
	}

	private String tail() {
		String text = log();
		return (text.length() > 6000) ? text.substring(text.length() - 6000) : text;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
