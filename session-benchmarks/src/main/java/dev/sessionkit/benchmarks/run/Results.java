package dev.sessionkit.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the driver and the scale runs measured, as written to and read from JSON files in
 * the run's output folder.
 */
final class Results {

	private static final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Results() {
	}

	static void write(Path file, Object value) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, mapper.writeValueAsString(value));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static <T> @Nullable T read(Path file, Class<T> type) {
		if (!Files.exists(file)) {
			return null;
		}
		try {
			return mapper.readValue(Files.readString(file), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Redis traffic per request, averaged over a batch of identical requests.
	 *
	 * @param requests requests in the batch
	 * @param roundTrips writes the application waited on (client sockets)
	 * @param commands commands the application sent
	 * @param clientCommands the commands sent, by name, per request
	 * @param serverCommands commands Redis executed, including those run by scripts
	 * ({@code INFO commandstats})
	 * @param serverCommandsByName the commands executed, by name, per request
	 * @param bytesIn bytes Redis received
	 * @param bytesOut bytes Redis sent
	 */
	record Traffic(int requests, double roundTrips, double commands, String clientCommands, double serverCommands,
			String serverCommandsByName, double bytesIn, double bytesOut) {

	}

	/**
	 * A store's traffic per new session, read-only request and writing request, through
	 * HTTP.
	 *
	 * @param store the store id
	 * @param newSession a request that creates a session with the payload
	 * @param read a read-only request
	 * @param write a writing request
	 */
	record StoreCounts(String store, Traffic newSession, Traffic read, Traffic write) {

	}

	/**
	 * Redis memory a store uses per session.
	 *
	 * @param store the store id
	 * @param sessions sessions created
	 * @param bytesPerSession {@code used_memory} delta per session
	 * @param keysPerSession new keys per session
	 */
	record StoreMemory(String store, int sessions, double bytesPerSession, double keysPerSession) {

	}

	/**
	 * One wrk run.
	 *
	 * @param store the store id
	 * @param fork which of the store's JVMs, from 1
	 * @param endpoint {@code read} or {@code write}
	 * @param round the round, from 1
	 * @param requestsPerSecond throughput
	 * @param p50Millis median latency
	 * @param p99Millis 99th percentile latency
	 * @param appCpuMicros application CPU per request
	 * @param redisCpuMicros Redis CPU per request
	 * @param errors socket errors and non-2xx answers
	 */
	record HttpRun(String store, int fork, String endpoint, int round, double requestsPerSecond, double p50Millis,
			double p99Millis, double appCpuMicros, double redisCpuMicros, long errors) {

	}

	/**
	 * Everything the driver measured.
	 *
	 * @param mode quick, default or full
	 * @param stores the store ids, in the order of the rounds
	 * @param connections wrk connections
	 * @param seconds seconds per wrk run
	 * @param rounds interleaved rounds
	 * @param counts traffic per request
	 * @param memory Redis memory per session
	 * @param http the wrk runs
	 * @param loadBefore the 1-minute load average before the driver ran
	 * @param loadAfter the 1-minute load average after
	 */
	record Driver(String mode, List<String> stores, int connections, int seconds, int rounds, List<StoreCounts> counts,
			List<StoreMemory> memory, List<HttpRun> http, double loadBefore, double loadAfter) {

	}

	/**
	 * The memory store with many sessions.
	 *
	 * @param sessions sessions created
	 * @param kitHeapBytesPerSession SessionKit memory store heap per session
	 * @param mapHeapBytesPerSession {@code MapSessionRepository} heap per session
	 * @param opsPerSecondSmall read-only operations per second with 1,000 sessions
	 * @param opsPerSecondLarge the same with all the sessions
	 * @param abandonedTimeoutSeconds timeout of the abandoned sessions
	 * @param secondsToFree seconds from the last session's deadline until none was left,
	 * or -1 if some were still held when the wait ended
	 * @param sessionsLeft sessions still held at the end
	 * @param heapBaselineBytes live heap before any session
	 * @param heapFullBytes live heap with all the abandoned sessions
	 * @param heapAfterBytes live heap after they expired
	 * @param mapSessionsLeft sessions {@code MapSessionRepository} still held after the
	 * same timeout
	 */
	record ScaleMemory(int sessions, double kitHeapBytesPerSession, double mapHeapBytesPerSession,
			double opsPerSecondSmall, double opsPerSecondLarge, int abandonedTimeoutSeconds, double secondsToFree,
			long sessionsLeft, long heapBaselineBytes, long heapFullBytes, long heapAfterBytes, long mapSessionsLeft) {

	}

	/**
	 * The Redis store with many sessions.
	 *
	 * @param sessions sessions created
	 * @param bytesPerSession {@code used_memory} per session
	 * @param keysPerSession keys per session
	 * @param opsPerSecondSmall read-only operations per second with 1,000 sessions
	 * @param opsPerSecondLarge the same with all the sessions
	 * @param fillSeconds seconds it took to create the sessions
	 */
	record ScaleRedis(int sessions, double bytesPerSession, double keysPerSession, double opsPerSecondSmall,
			double opsPerSecondLarge, double fillSeconds) {

	}

}
