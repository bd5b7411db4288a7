package dev.sessionkit.benchmarks.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sessionkit.testkit.redis.RespClient;
import org.jspecify.annotations.Nullable;

/**
 * A minimal RESP client for the driver's own questions to Redis ({@code INFO},
 * {@code CONFIG RESETSTAT}, {@code DBSIZE}, {@code FLUSHDB}): one connection, one command
 * at a time, on a connection of its own so that it is never counted as a store's traffic
 * on the client side.
 */
final class Resp implements AutoCloseable {

	private final RespClient client;

	Resp(int port) {
		this.client = new RespClient(port, Duration.ofMinutes(2));
	}

	/**
	 * Sends a command and reads its reply.
	 * @param arguments the command and its arguments
	 * @return a String, Long, List or {@code null}
	 */
	@Nullable Object command(String... arguments) {
		return this.client.command(arguments);
	}

	/**
	 * Returns one section of {@code INFO} as a map.
	 * @param section the section, such as {@code memory}
	 * @return field names to values
	 */
	Map<String, String> info(String section) {
		Map<String, String> fields = new LinkedHashMap<>();
		String text = String.valueOf(command("INFO", section));
		for (String line : text.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && !line.startsWith("#")) {
				fields.put(line.substring(0, colon), line.substring(colon + 1));
			}
		}
		return fields;
	}

	/**
	 * Returns the calls of each command since the last {@code CONFIG RESETSTAT},
	 * including commands that scripts ran.
	 * @return lower-case command names to calls
	 */
	Map<String, Long> commandCalls() {
		Map<String, Long> calls = new LinkedHashMap<>();
		info("commandstats").forEach((name, value) -> {
			if (name.startsWith("cmdstat_")) {
				for (String part : value.split(",")) {
					if (part.startsWith("calls=")) {
						calls.put(name.substring("cmdstat_".length()), Long.parseLong(part.substring(6)));
					}
				}
			}
		});
		return calls;
	}

	/**
	 * Returns the CPU time the server has used, user and system, in microseconds.
	 * @return the CPU time
	 */
	long cpuMicros() {
		Map<String, String> cpu = info("cpu");
		double seconds = Double.parseDouble(cpu.get("used_cpu_user")) + Double.parseDouble(cpu.get("used_cpu_sys"));
		return Math.round(seconds * 1_000_000);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
