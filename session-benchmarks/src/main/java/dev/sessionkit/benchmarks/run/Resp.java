package dev.sessionkit.benchmarks.run;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A minimal RESP client for the driver's own questions to Redis ({@code INFO},
 * {@code CONFIG RESETSTAT}, {@code DBSIZE}, {@code FLUSHDB}): one connection, one command
 * at a time, on a connection of its own so that it is never counted as a store's traffic
 * on the client side.
 */
final class Resp implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	Resp(int port) {
		try {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			this.socket.setSoTimeout(120_000);
			this.in = new BufferedInputStream(this.socket.getInputStream());
			this.out = this.socket.getOutputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot connect to Redis on 127.0.0.1:" + port, ex);
		}
	}

	/**
	 * Sends a command and reads its reply.
	 * @param arguments the command and its arguments
	 * @return a String, Long, List or {@code null}
	 */
	@Nullable Object command(String... arguments) {
		try {
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.write(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			for (String argument : arguments) {
				byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
				request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
				request.write(bytes);
				request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			this.out.write(request.toByteArray());
			this.out.flush();
			return read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private @Nullable Object read() throws IOException {
		int type = this.in.read();
		String line = line();
		switch (type) {
			case '+':
				return line;
			case '-':
				throw new IllegalStateException("Redis answered: " + line);
			case ':':
				return Long.parseLong(line);
			case '$': {
				int length = Integer.parseInt(line);
				if (length < 0) {
					return null;
				}
				byte[] bytes = this.in.readNBytes(length + 2);
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			case '*': {
				int count = Integer.parseInt(line);
				if (count < 0) {
					return null;
				}
				List<@Nullable Object> items = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					items.add(read());
				}
				return items;
			}
			default:
				throw new IllegalStateException("Unexpected RESP type " + (char) type);
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = this.in.read()) != '\r') {
			if (c < 0) {
				throw new IOException("Redis closed the connection");
			}
			line.append((char) c);
		}
		this.in.read();
		return line.toString();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
