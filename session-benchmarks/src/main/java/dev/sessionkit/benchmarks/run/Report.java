package dev.sessionkit.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.sessionkit.benchmarks.stores.Repositories;
import dev.sessionkit.benchmarks.stores.Store;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a run's measurements into one Markdown table (a row per store, ratios to Spring
 * Session Data Redis's default repository with JSON), the scale results, the targets with
 * whether each holds, and a chart. With {@code --check} it exits with status 1 unless
 * every target holds; with {@code --publish=DIR} it also writes the chart and the tables
 * into the documentation folder.
 */
public final class Report {

	/**
	 * The memory store counts as no slower than {@code MapSessionRepository} within this
	 * fraction, the spread between rounds of one store on a shared 2-core machine.
	 */
	static final double NOISE = 0.05;

	/** Selects the runs of every JVM of a store. */
	private static final int ALL_JVMS = 0;

	private final Path out;

	private final Results.@Nullable Driver driver;

	private final Map<String, JsonNode> jmh = new LinkedHashMap<>();

	private final Results.@Nullable ScaleMemory scaleMemory;

	private final Results.@Nullable ScaleRedis scaleRedis;

	private final Map<String, String> machine = new LinkedHashMap<>();

	private final List<Target> targets = new ArrayList<>();

	Report(Path out) {
		this.out = out;
		this.driver = Results.read(out.resolve("results.json"), Results.Driver.class);
		this.scaleMemory = Results.read(out.resolve("scale-memory.json"), Results.ScaleMemory.class);
		this.scaleRedis = Results.read(out.resolve("scale-redis.json"), Results.ScaleRedis.class);
		Path jmhFile = out.resolve("jmh.json");
		if (Files.exists(jmhFile)) {
			for (JsonNode benchmark : JsonMapper.builder().build().readTree(read(jmhFile))) {
				String method = benchmark.get("benchmark").asString();
				String store = benchmark.get("params").get("store").asString();
				this.jmh.put(store + "#" + method.substring(method.lastIndexOf('.') + 1), benchmark);
			}
		}
		Path machineFile = out.resolve("machine.txt");
		if (Files.exists(machineFile)) {
			for (String line : read(machineFile).split("\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					this.machine.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
				}
			}
		}
	}

	public static void main(String[] arguments) {
		Bench.Args args = Bench.Args.parse(arguments);
		Report report = new Report(Path.of(args.text("out", "target/bench")));
		String markdown = report.markdown();
		System.out.println(markdown);
		report.chart(report.out.resolve("benchmarks.png"));
		String publish = args.text("publish", "");
		if (!publish.isEmpty()) {
			report.publish(Path.of(publish), markdown);
		}
		if (args.flag("check")) {
			List<Target> failed = report.targets.stream().filter((target) -> !target.holds()).toList();
			if (!failed.isEmpty()) {
				System.out.println("CHECK FAILED: " + failed.size() + " of " + report.targets.size()
						+ " targets do not hold: " + String.join("; ", failed.stream().map(Target::name).toList()));
				System.exit(1);
			}
			System.out.println("CHECK PASSED: all " + report.targets.size() + " targets hold");
		}
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		Results.Driver run = this.driver;
		md.append("### Side by side\n\n");
		if (run != null) {
			md.append(String.format(Locale.ROOT,
					"HTTP: wrk, %d connections, %d interleaved rounds of %d s per application and endpoint, medians; "
							+ "\"vs ref\" = median over rounds of the ratio to `%s` in the same round (a store run in "
							+ "several JVMs counts as their mean). "
							+ "Round trips and commands: exact, per request, %d sequential requests each. "
							+ "Redis bytes: `used_memory` delta per session over %,d sessions. "
							+ "JMH: repository level, one thread.\n\n",
					run.connections(), run.rounds(), run.seconds(), Store.REFERENCE.id(),
					run.counts().isEmpty() ? 0 : run.counts().get(0).read().requests(),
					run.memory().isEmpty() ? 0 : run.memory().get(0).sessions()));
		}
		md.append("| Store | Read req/s | vs ref | Write req/s | vs ref | Read p50 / p99 ms | Write p50 / p99 ms "
				+ "| App CPU µs per read | Round trips read / write / new | Commands sent read / write / new "
				+ "| Commands run by Redis read / write / new | Redis bytes per session | vs ref | Keys per session "
				+ "| JMH read ops/s | vs ref | JMH write ops/s | vs ref |\n");
		md.append("|---|" + "---:|".repeat(17) + "\n");
		for (Store store : stores()) {
			md.append("| ").append(store.label()).append(" (`").append(store.id()).append("`) | ");
			md.append(number(http(store, "read", Results.HttpRun::requestsPerSecond))).append(" | ");
			md.append(ratio(httpRatio(store, "read"))).append(" | ");
			md.append(number(http(store, "write", Results.HttpRun::requestsPerSecond))).append(" | ");
			md.append(ratio(httpRatio(store, "write"))).append(" | ");
			md.append(latency(store, "read")).append(" | ");
			md.append(latency(store, "write")).append(" | ");
			md.append(number(http(store, "read", Results.HttpRun::appCpuMicros))).append(" | ");
			Results.StoreCounts counts = counts(store);
			md.append(store.redis() && counts != null ? triple(counts, Results.Traffic::roundTrips) : "0")
				.append(" | ");
			md.append(store.redis() && counts != null ? triple(counts, Results.Traffic::commands) : "0").append(" | ");
			md.append(store.redis() && counts != null ? triple(counts, Results.Traffic::serverCommands) : "0")
				.append(" | ");
			Results.StoreMemory memory = memory(store);
			Results.StoreMemory reference = memory(Store.REFERENCE);
			md.append(memory != null ? number(memory.bytesPerSession()) : "-").append(" | ");
			md.append(memory != null && reference != null
					? ratio(memory.bytesPerSession() / reference.bytesPerSession()) : "-")
				.append(" | ");
			md.append(memory != null ? number(memory.keysPerSession()) : "-").append(" | ");
			md.append(number(jmh(store, "readOnly"))).append(" | ");
			md.append(ratio(jmh(store, "readOnly") / jmh(Store.REFERENCE, "readOnly"))).append(" | ");
			md.append(number(jmh(store, "writing"))).append(" | ");
			md.append(ratio(jmh(store, "writing") / jmh(Store.REFERENCE, "writing"))).append(" |\n");
		}
		double plain = http(Bench.NONE, "read", Results.HttpRun::requestsPerSecond);
		if (!Double.isNaN(plain)) {
			md.append("| No session: the same application, `GET /plain` | ").append(number(plain)).append(" | ");
			md.append(ratio(httpRatio(Bench.NONE, "read", Store.REFERENCE.id()))).append(" | | | ");
			md.append(latency(Bench.NONE, "read")).append(" | | ");
			md.append(number(http(Bench.NONE, "read", Results.HttpRun::appCpuMicros)));
			md.append(" | 0 | 0 | 0 | | | | | | | |\n");
		}
		jvmSpread(md);
		commandDetails(md);
		scale(md);
		evaluateTargets();
		md.append("\n### Targets\n\n| Target | Measured | Holds |\n|---|---|---|\n");
		for (Target target : this.targets) {
			md.append("| ")
				.append(target.name())
				.append(" | ")
				.append(target.measured())
				.append(" | ")
				.append(target.holds() ? "yes" : "**no**")
				.append(" |\n");
		}
		if (!this.machine.isEmpty()) {
			md.append("\n### Machine\n\n");
			this.machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
			if (run != null) {
				md.append(String.format(Locale.ROOT, "- load average (1 min) before / after the driver: %.2f / %.2f%n",
						run.loadBefore(), run.loadAfter()));
			}
		}
		return md.toString();
	}

	/** The targets, as {@link #markdown()} judged them. */
	List<Target> targets() {
		return this.targets;
	}

	private void commandDetails(StringBuilder md) {
		if (this.driver == null || this.driver.counts().stream().noneMatch((c) -> Store.of(c.store()).redis())) {
			return;
		}
		md.append("\n### What one request sends to Redis\n\n");
		md.append("| Store | Read-only request: sent (client) | run by Redis, incl. scripts | bytes to / from Redis "
				+ "| Writing request: sent | run by Redis | bytes to / from Redis | New session: sent |\n");
		md.append("|---|---|---|---:|---|---|---:|---|\n");
		for (Results.StoreCounts counts : this.driver.counts()) {
			if (!Store.of(counts.store()).redis()) {
				continue;
			}
			md.append("| `").append(counts.store()).append("` | ");
			md.append(counts.read().clientCommands()).append(" | ").append(counts.read().serverCommandsByName());
			md.append(" | ")
				.append(number(counts.read().bytesIn()))
				.append(" / ")
				.append(number(counts.read().bytesOut()));
			md.append(" | ")
				.append(counts.write().clientCommands())
				.append(" | ")
				.append(counts.write().serverCommandsByName());
			md.append(" | ")
				.append(number(counts.write().bytesIn()))
				.append(" / ")
				.append(number(counts.write().bytesOut()));
			md.append(" | ").append(counts.newSession().clientCommands()).append(" |\n");
		}
	}

	private void scale(StringBuilder md) {
		if (this.scaleMemory == null && this.scaleRedis == null) {
			return;
		}
		md.append("\n### Scale\n\n| Store | Sessions | Memory per session | Read ops/s with 1,000 sessions "
				+ "| with all | ratio | Abandoned sessions |\n|---|---:|---:|---:|---:|---:|---|\n");
		Results.ScaleMemory memory = this.scaleMemory;
		if (memory != null) {
			md.append(String.format(Locale.ROOT, "| `kit-memory` | %,d | %s B heap | %s | %s | %s | %s |%n",
					memory.sessions(), number(memory.kitHeapBytesPerSession()), number(memory.opsPerSecondSmall()),
					number(memory.opsPerSecondLarge()), ratio(memory.opsPerSecondLarge() / memory.opsPerSecondSmall()),
					(memory.sessionsLeft() == 0)
							? String.format(Locale.ROOT,
									"all gone %.1f s after their %d s timeout; live heap %s MB with them, %s MB after "
											+ "(%s MB before)",
									memory.secondsToFree(), memory.abandonedTimeoutSeconds(),
									mb(memory.heapFullBytes()), mb(memory.heapAfterBytes()),
									mb(memory.heapBaselineBytes()))
							: String.format(Locale.ROOT, "%,d still held", memory.sessionsLeft())));
			md.append(String.format(Locale.ROOT,
					"| `map` | %,d | %s B heap | | | | %,d of %,d still held after the "
							+ "timeout: never freed unless requested again |%n",
					memory.sessions(), number(memory.mapHeapBytesPerSession()), memory.mapSessionsLeft(),
					memory.sessions()));
		}
		Results.ScaleRedis redis = this.scaleRedis;
		if (redis != null) {
			md.append(String.format(Locale.ROOT, "| `kit-redis` | %,d | %s B in Redis, %s keys | %s | %s | %s | |%n",
					redis.sessions(), number(redis.bytesPerSession()), number(redis.keysPerSession()),
					number(redis.opsPerSecondSmall()), number(redis.opsPerSecondLarge()),
					ratio(redis.opsPerSecondLarge() / redis.opsPerSecondSmall())));
		}
	}

	private void evaluateTargets() {
		this.targets.clear();
		Results.StoreCounts kitCounts = counts(Store.KIT_REDIS);
		if (kitCounts != null) {
			this.targets.add(new Target("Read-only request: <= 1 Redis round trip (SessionKit Redis, through HTTP)",
					number(kitCounts.read().roundTrips()) + " (" + kitCounts.read().clientCommands() + ")",
					kitCounts.read().roundTrips() <= 1.0));
			this.targets.add(new Target("Writing request: <= 2 Redis round trips",
					number(kitCounts.write().roundTrips()) + " (" + kitCounts.write().clientCommands() + ")",
					kitCounts.write().roundTrips() <= 2.0));
		}
		for (Store peer : List.of(Store.SSDR_JSON, Store.SSDR_JDK)) {
			if (!stores().contains(peer) || !stores().contains(Store.KIT_REDIS)) {
				continue;
			}
			for (String endpoint : List.of("read", "write")) {
				double ratio = httpRatio(Store.KIT_REDIS, endpoint, peer);
				this.targets.add(new Target(
						"SessionKit Redis " + endpoint + " throughput >= 1.5x `" + peer.id() + "` (same rounds)",
						ratio(ratio, 1.5), ratio >= 1.5));
			}
		}
		Results.StoreMemory kitMemory = memory(Store.KIT_REDIS);
		if (kitMemory != null && this.driver != null) {
			for (Results.StoreMemory peer : this.driver.memory()) {
				if (Store.of(peer.store()).sessionKit() || Repositories.serializer(Store.of(peer.store())) == null) {
					continue;
				}
				this.targets.add(new Target("Redis memory per session <= `" + peer.store() + "` (same JSON payload)",
						number(kitMemory.bytesPerSession()) + " vs " + number(peer.bytesPerSession()) + " B",
						kitMemory.bytesPerSession() <= peer.bytesPerSession()));
			}
		}
		if (stores().contains(Store.KIT_MEMORY) && stores().contains(Store.MAP)) {
			for (String endpoint : List.of("read", "write")) {
				double ratio = httpRatio(Store.KIT_MEMORY, endpoint, Store.MAP);
				this.targets.add(new Target("Memory store " + endpoint + " throughput >= MapSessionRepository (within "
						+ Math.round(NOISE * 100) + "% noise)", ratio(ratio, 1 - NOISE), ratio >= 1 - NOISE));
			}
		}
		Results.ScaleMemory memory = this.scaleMemory;
		if (memory != null) {
			long grown = memory.heapAfterBytes() - memory.heapBaselineBytes();
			long filled = memory.heapFullBytes() - memory.heapBaselineBytes();
			boolean freed = memory.sessionsLeft() == 0 && grown <= Math.max(64L << 20, filled / 20);
			this.targets.add(new Target(
					String.format(Locale.ROOT, "%,d abandoned sessions freed after their timeout", memory.sessions()),
					String.format(Locale.ROOT, "%,d left; heap %s MB -> %s MB -> %s MB", memory.sessionsLeft(),
							mb(memory.heapBaselineBytes()), mb(memory.heapFullBytes()), mb(memory.heapAfterBytes())),
					freed));
		}
	}

	private void chart(Path file) {
		List<Chart.Row> throughput = new ArrayList<>();
		List<Chart.Row> roundTrips = new ArrayList<>();
		List<Chart.Row> memory = new ArrayList<>();
		for (Store store : stores()) {
			double read = http(store, "read", Results.HttpRun::requestsPerSecond);
			double write = http(store, "write", Results.HttpRun::requestsPerSecond);
			if (!Double.isNaN(read)) {
				// a store without wrk rounds in this mode has no bar
				throughput.add(new Chart.Row(store.shortLabel(), store.sessionKit(), read, write,
						number(read) + " req/s  " + ratio(httpRatio(store, "read")),
						number(write) + " req/s  " + ratio(httpRatio(store, "write"))));
			}
			Results.StoreCounts counts = counts(store);
			if (store.redis() && counts != null) {
				roundTrips.add(new Chart.Row(store.shortLabel(), store.sessionKit(), counts.read().roundTrips(),
						counts.write().roundTrips(), number(counts.read().roundTrips()),
						number(counts.write().roundTrips())));
			}
			Results.StoreMemory bytes = memory(store);
			if (bytes != null) {
				memory.add(new Chart.Row(store.shortLabel(), store.sessionKit(), bytes.bytesPerSession(), Double.NaN,
						number(bytes.bytesPerSession()) + " B, " + number(bytes.keysPerSession())
								+ ((bytes.keysPerSession() == 1) ? " key" : " keys"),
						""));
			}
		}
		double plain = http(Bench.NONE, "read", Results.HttpRun::requestsPerSecond);
		if (!Double.isNaN(plain)) {
			throughput.add(new Chart.Row("No session (GET /plain)", false, plain, Double.NaN,
					number(plain) + " req/s  " + ratio(httpRatio(Bench.NONE, "read", Store.REFERENCE.id())), ""));
		}
		List<Chart.Panel> panels = new ArrayList<>();
		panels.add(new Chart.Panel("HTTP throughput (higher is better), ratio to " + Store.REFERENCE.id(),
				"requests per second", throughput));
		if (!roundTrips.isEmpty()) {
			panels.add(new Chart.Panel("Redis round trips per request (lower is better)", "round trips", roundTrips));
		}
		if (!memory.isEmpty()) {
			panels
				.add(new Chart.Panel("Redis memory per session (lower is better; one bar per store)", "bytes", memory));
		}
		String subtitle = this.machine.getOrDefault("summary", "")
				+ ((this.driver != null) ? String.format(Locale.ROOT, "  |  wrk c=%d, %d rounds x %d s, medians",
						this.driver.connections(), this.driver.rounds(), this.driver.seconds()) : "");
		Chart.write(file, "SessionKit vs Spring Session: same payload, same Redis, one run", subtitle, panels);
	}

	private void publish(Path docs, String markdown) {
		try {
			Files.createDirectories(docs);
			Files.copy(this.out.resolve("benchmarks.png"), docs.resolve("benchmarks.png"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Path page = docs.resolve("benchmarks.md");
			String begin = "<!-- results:begin -->";
			String end = "<!-- results:end -->";
			if (Files.exists(page)) {
				String text = Files.readString(page);
				int from = text.indexOf(begin);
				int to = text.indexOf(end);
				if (from >= 0 && to > from) {
					Files.writeString(page,
							text.substring(0, from + begin.length()) + "\n" + markdown + "\n" + text.substring(to));
					return;
				}
			}
			Files.writeString(docs.resolve("benchmarks-latest.md"), markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Store> stores() {
		if (this.driver != null) {
			return this.driver.stores().stream().map(Store::of).toList();
		}
		return Arrays.stream(Store.values()).filter((store) -> this.jmh.containsKey(store.id() + "#readOnly")).toList();
	}

	private double http(Store store, String endpoint, ToDoubleFunction<Results.HttpRun> value) {
		return http(store.id(), endpoint, value);
	}

	private double http(String store, String endpoint, ToDoubleFunction<Results.HttpRun> value) {
		return http(store, ALL_JVMS, endpoint, value);
	}

	/**
	 * The median over rounds of one JVM's runs, or of all the store's with
	 * {@link #ALL_JVMS}.
	 */
	private double http(String store, int fork, String endpoint, ToDoubleFunction<Results.HttpRun> value) {
		if (this.driver == null) {
			return Double.NaN;
		}
		return median(this.driver.http()
			.stream()
			.filter((run) -> run.store().equals(store) && (fork == ALL_JVMS || run.fork() == fork)
					&& run.endpoint().equals(endpoint) && run.round() > 0)
			.mapToDouble(value)
			.toArray());
	}

	private double httpRatio(Store store, String endpoint) {
		return httpRatio(store, endpoint, Store.REFERENCE);
	}

	private double httpRatio(Store store, String endpoint, Store reference) {
		return httpRatio(store.id(), endpoint, reference.id());
	}

	/**
	 * The median over rounds of a store's throughput over the reference's in the same
	 * round; a store with several JVMs counts as the mean of its JVMs in that round.
	 */
	private double httpRatio(String store, String endpoint, String reference) {
		if (this.driver == null) {
			return Double.NaN;
		}
		List<Double> ratios = new ArrayList<>();
		for (int round = 1; round <= this.driver.rounds(); round++) {
			double ratio = meanRequestsPerSecond(store, endpoint, round)
					/ meanRequestsPerSecond(reference, endpoint, round);
			if (!Double.isNaN(ratio)) {
				ratios.add(ratio);
			}
		}
		return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private double meanRequestsPerSecond(String store, String endpoint, int round) {
		return this.driver.http()
			.stream()
			.filter((run) -> run.store().equals(store) && run.endpoint().equals(endpoint) && run.round() == round)
			.mapToDouble(Results.HttpRun::requestsPerSecond)
			.average()
			.orElse(Double.NaN);
	}

	/**
	 * One line per store measured in more than one JVM: the median throughput of each
	 * JVM, which shows how much the same code differs from JVM to JVM.
	 */
	private void jvmSpread(StringBuilder md) {
		if (this.driver == null) {
			return;
		}
		boolean first = true;
		for (Store store : stores()) {
			int forks = this.driver.http()
				.stream()
				.filter((run) -> run.store().equals(store.id()))
				.mapToInt(Results.HttpRun::fork)
				.max()
				.orElse(1);
			if (forks < 2) {
				continue;
			}
			List<String> endpoints = new ArrayList<>();
			for (String endpoint : List.of("read", "write")) {
				List<String> perFork = new ArrayList<>();
				for (int fork = 1; fork <= forks; fork++) {
					perFork.add(number(http(store.id(), fork, endpoint, Results.HttpRun::requestsPerSecond)));
				}
				endpoints.add(endpoint + " " + String.join(" / ", perFork));
			}
			md.append(first ? "\n" : "");
			first = false;
			md.append(String.format(Locale.ROOT, "- `%s` ran in %d JVMs, median req/s of each: %s%n", store.id(), forks,
					String.join("; ", endpoints)));
		}
	}

	private String latency(Store store, String endpoint) {
		return latency(store.id(), endpoint);
	}

	private String latency(String store, String endpoint) {
		double p50 = http(store, endpoint, Results.HttpRun::p50Millis);
		double p99 = http(store, endpoint, Results.HttpRun::p99Millis);
		return Double.isNaN(p50) ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", p50, p99);
	}

	private double jmh(Store store, String method) {
		JsonNode benchmark = this.jmh.get(store.id() + "#" + method);
		return (benchmark != null) ? benchmark.get("primaryMetric").get("score").asDouble() : Double.NaN;
	}

	private Results.@Nullable StoreCounts counts(Store store) {
		return (this.driver != null) ? this.driver.counts()
			.stream()
			.filter((counts) -> counts.store().equals(store.id()))
			.findFirst()
			.orElse(null) : null;
	}

	private Results.@Nullable StoreMemory memory(Store store) {
		return (this.driver != null) ? this.driver.memory()
			.stream()
			.filter((memory) -> memory.store().equals(store.id()))
			.findFirst()
			.orElse(null) : null;
	}

	private static String triple(Results.StoreCounts counts, ToDoubleFunction<Results.Traffic> value) {
		return number(value.applyAsDouble(counts.read())) + " / " + number(value.applyAsDouble(counts.write())) + " / "
				+ number(value.applyAsDouble(counts.newSession()));
	}

	static double median(double[] values) {
		double[] sorted = Arrays.stream(values).filter((value) -> !Double.isNaN(value)).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * Formats a number for the table: thousands separators above 100, at most two
	 * decimals below.
	 * @param value the number
	 * @return the text, or {@code -} for NaN
	 */
	static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "-";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		String text = String.format(Locale.ROOT, "%.2f", value);
		text = text.replaceAll("0+$", "");
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	private static String ratio(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
	}

	/**
	 * A ratio measured against a target's threshold: with a third decimal when two would
	 * show the threshold itself, which could read as holding when it does not.
	 */
	private static String ratio(double value, double threshold) {
		String text = ratio(value);
		return text.equals(ratio(threshold)) ? String.format(Locale.ROOT, "%.3fx", value) : text;
	}

	private static String mb(long bytes) {
		return String.format(Locale.ROOT, "%,.0f", bytes / 1048576.0);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One target of the design, and whether this run shows it.
	 *
	 * @param name what must hold
	 * @param measured what was measured
	 * @param holds whether it holds
	 */
	record Target(String name, String measured, boolean holds) {

	}

}
