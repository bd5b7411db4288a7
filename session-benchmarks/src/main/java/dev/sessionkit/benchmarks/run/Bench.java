package dev.sessionkit.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sessionkit.benchmarks.stores.RedisTarget;
import dev.sessionkit.benchmarks.stores.RedisTraffic;
import dev.sessionkit.benchmarks.stores.Repositories;
import dev.sessionkit.benchmarks.stores.SessionOps;
import dev.sessionkit.benchmarks.stores.Store;

/**
 * The driver of the side-by-side run, against benchmark applications that
 * {@code bench.sh} started (one per store) and one Redis server:
 * <ol>
 * <li><b>exact counts</b>, one request at a time through HTTP: Redis round trips and
 * commands per new session, read-only request and writing request, counted at the
 * application's client sockets ({@link RedisTraffic}) and by Redis
 * ({@code INFO commandstats}, which also counts the commands scripts run), with the bytes
 * Redis received and sent;</li>
 * <li><b>Redis memory per session</b>: each Redis store creates sessions with the payload
 * in a database of its own; {@code used_memory} and {@code DBSIZE} deltas per
 * session;</li>
 * <li><b>throughput and latency</b> with wrk: in each round, the read endpoint of every
 * store in turn, then the write endpoint, every other round in reverse order (A B C, C B
 * A, ...), so that the stores a ratio compares run back to back and the machine's drift
 * falls on both sides alike; the application's and Redis's CPU time per request.</li>
 * </ol>
 * Counting windows avoid the seconds around each minute, when the indexed repository's
 * cleanup job and SessionKit's sweeper run. Results go to {@code results.json} in the
 * output folder; {@link Report} turns them into the table.
 * <p>
 * Arguments: {@code --mode=quick|default|full --redis-port=P --apps=store:port,...
 * --out=DIR --http-stores=store,... --rounds=N --seconds=S --warmup=S --warmup-max=S --connections=C
 * --count-requests=N --memory-sessions=N --wrk-sessions=N}.
 */
public final class Bench {

	/** Added to {@link Store#database()} for the memory measurement's sessions. */
	static final int MEMORY_DATABASE_OFFSET = 40;

	/**
	 * How long to wait before and after a counted batch: Spring Session's filter may
	 * still be talking to Redis after the client has its response (its second commit).
	 */
	static final long SETTLE_MILLIS = 300;

	/** The store name of the runs without a session. */
	static final String NONE = "none";

	private static final String PLAIN = "plain";

	/** Warm-up goes on in slices this long once its least time is over. */
	private static final int WARMUP_SLICE_SECONDS = 5;

	/**
	 * The share of a warm-up slice below which an application's JIT compilers count as
	 * quiet: C1 and C2 together, so about 1% of one core each on two cores.
	 */
	private static final double QUIET_JIT_SHARE = 0.02;

	private static final Set<String> DRIVER_COMMANDS = Set.of("info", "config", "ping", "select", "client", "hello",
			"dbsize", "flushdb", "command");

	private static final Pattern WRK_RESULT = Pattern
		.compile("RESULT requests=(\\d+) seconds=([\\d.]+) p50_us=(\\d+) p99_us=(\\d+) errors=(\\d+) non2xx=(\\d+)");

	private final Args args;

	private final int redisPort;

	private final Map<Store, Integer> apps;

	private final Path out;

	private final Map<Store, List<String>> cookies = new LinkedHashMap<>();

	private Bench(Args args) {
		this.args = args;
		this.redisPort = args.integer("redis-port", 0);
		this.apps = new LinkedHashMap<>();
		for (String app : args.text("apps", "").split(",")) {
			String[] parts = app.split(":");
			this.apps.put(Store.of(parts[0]), Integer.parseInt(parts[1]));
		}
		this.out = Path.of(args.text("out", "target/bench"));
	}

	public static void main(String[] arguments) throws Exception {
		new Bench(Args.parse(arguments)).run();
	}

	private void run() throws Exception {
		double loadBefore = Machine.load();
		Files.createDirectories(this.out);
		log("waiting for " + this.apps.size() + " applications");
		for (Map.Entry<Store, Integer> app : this.apps.entrySet()) {
			awaitReady(app.getKey(), new Http(app.getValue()));
		}
		int wrkSessions = this.args.integer("wrk-sessions", 200);
		log("creating " + wrkSessions + " sessions per store");
		for (Map.Entry<Store, Integer> app : this.apps.entrySet()) {
			Http http = new Http(app.getValue());
			List<String> list = new ArrayList<>();
			for (int i = 0; i < wrkSessions; i++) {
				list.add(http.newSession());
			}
			this.cookies.put(app.getKey(), list);
			Files.write(cookieFile(app.getKey()), list);
		}
		List<Results.StoreCounts> counts = new ArrayList<>();
		int countRequests = this.args.integer("count-requests", 50);
		for (Map.Entry<Store, Integer> app : this.apps.entrySet()) {
			log("counting Redis traffic of " + app.getKey().id());
			counts.add(count(app.getKey(), new Http(app.getValue()), countRequests));
		}
		List<Results.StoreMemory> memory = new ArrayList<>();
		int memorySessions = this.args.integer("memory-sessions", 10_000);
		for (Store store : this.apps.keySet()) {
			if (store.redis()) {
				log("measuring Redis memory of " + memorySessions + " sessions of " + store.id());
				memory.add(memory(store, memorySessions));
			}
		}
		List<Results.HttpRun> http = httpRounds();
		Results.Driver results = new Results.Driver(this.args.text("mode", "default"),
				this.apps.keySet().stream().map(Store::id).toList(), this.args.integer("connections", 8),
				this.args.integer("seconds", 5), this.args.integer("rounds", 3), counts, memory, http, loadBefore,
				Machine.load());
		Results.write(this.out.resolve("results.json"), results);
		log("results in " + this.out.resolve("results.json"));
	}

	private Results.StoreCounts count(Store store, Http http, int requests) {
		List<String> created = new ArrayList<>();
		Results.Traffic newSession = measure(store, http, requests, (i) -> created.add(http.newSession()));
		Results.Traffic read = measure(store, http, requests, (i) -> http.call("GET", "/read", created.get(i)));
		Results.Traffic write = measure(store, http, requests, (i) -> http.call("POST", "/write", created.get(i)));
		return new Results.StoreCounts(store.id(), newSession, read, write);
	}

	private Results.Traffic measure(Store store, Http http, int requests, Consumer<Integer> request) {
		awaitQuietSecond();
		try (Resp redis = new Resp(this.redisPort)) {
			sleep(SETTLE_MILLIS);
			redis.command("CONFIG", "RESETSTAT");
			http.resetTraffic();
			for (int i = 0; i < requests; i++) {
				request.accept(i);
			}
			sleep(SETTLE_MILLIS);
			RedisTraffic.Counts client = http.traffic();
			Map<String, String> stats = redis.info("stats");
			Map<String, Long> server = new TreeMap<>(redis.commandCalls());
			server.keySet().removeIf((name) -> DRIVER_COMMANDS.contains(name.split("\\|")[0]));
			long serverTotal = server.values().stream().mapToLong(Long::longValue).sum();
			return new Results.Traffic(requests, (double) client.roundTrips() / requests,
					(double) client.commands() / requests, perRequest(client.byName(), requests),
					(double) serverTotal / requests, perRequest(server, requests),
					Double.parseDouble(stats.get("total_net_input_bytes")) / requests,
					Double.parseDouble(stats.get("total_net_output_bytes")) / requests);
		}
	}

	private Results.StoreMemory memory(Store store, int sessions) {
		RedisTarget target = RedisTarget.loopback(this.redisPort, MEMORY_DATABASE_OFFSET + store.database());
		try (Resp redis = new Resp(this.redisPort)) {
			redis.command("SELECT", Integer.toString(target.database()));
			redis.command("FLUSHDB");
			try (Repositories.Opened opened = Repositories.open(store, target)) {
				SessionOps.create(opened.repository(), -1, null);
				long usedBefore = settledMemory(redis);
				long keysBefore = (Long) redis.command("DBSIZE");
				for (int i = 0; i < sessions; i++) {
					SessionOps.create(opened.repository(), 1_000_000 + i, null);
				}
				long usedAfter = settledMemory(redis);
				long keysAfter = (Long) redis.command("DBSIZE");
				return new Results.StoreMemory(store.id(), sessions, (double) (usedAfter - usedBefore) / sessions,
						(double) (keysAfter - keysBefore) / sessions);
			}
			finally {
				redis.command("FLUSHDB");
			}
		}
	}

	/**
	 * {@link #usedMemory} once it holds still for 300 ms (at most 5 s): connections that
	 * the previous store closed, and their subscriptions, are freed after the fact.
	 */
	private static long settledMemory(Resp redis) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		long used = usedMemory(redis);
		while (System.nanoTime() < deadline) {
			sleep(300);
			long now = usedMemory(redis);
			if (now == used) {
				break;
			}
			used = now;
		}
		return used;
	}

	/**
	 * Redis's memory less its clients' buffers: the clients' query buffers grow and
	 * shrink on their own timer, by more than a session's worth per connection, and they
	 * belong to connections, not to sessions.
	 */
	private static long usedMemory(Resp redis) {
		Map<String, String> memory = redis.info("memory");
		return Long.parseLong(memory.get("used_memory")) - Long.parseLong(memory.get("mem_clients_normal"));
	}

	private List<Results.HttpRun> httpRounds() throws IOException, InterruptedException {
		Path script = this.out.resolve("sessions.lua");
		try (InputStream in = Bench.class.getResourceAsStream("/bench/sessions.lua")) {
			Files.write(script, in.readAllBytes());
		}
		int warmup = this.args.integer("warmup", 5);
		int seconds = this.args.integer("seconds", 5);
		int rounds = this.args.integer("rounds", 3);
		List<Store> stores = httpStores();
		boolean plain = stores.contains(Store.MAP);
		int warmupMost = Math.max(warmup, this.args.integer("warmup-max", warmup));
		if (warmup > 0) {
			log("warming up every application: " + warmup + " s per endpoint, then on until its JIT compilers "
					+ "are quiet, " + warmupMost + " s at most");
			List<String> warmed = new ArrayList<>();
			for (Store store : stores) {
				for (String endpoint : List.of("read", "write")) {
					warmed.add(store.id() + " " + endpoint + " " + warmUp(store, endpoint, script, warmup, warmupMost));
				}
			}
			if (plain) {
				warmed.add(PLAIN + " " + warmUp(Store.MAP, PLAIN, script, warmup, warmupMost));
			}
			Files.writeString(this.out.resolve("machine.txt"), "warm-up: " + String.join(", ", warmed) + "\n",
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		List<Results.HttpRun> runs = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			log("round " + round + " of " + rounds);
			// one endpoint at a time, the stores in turn: the stores a ratio compares
			// run back to back, and every other round in reverse order, so that the
			// machine's drift within a round falls on both sides of each ratio alike
			List<Store> order = new ArrayList<>(stores);
			if (round % 2 == 0) {
				Collections.reverse(order);
			}
			for (String endpoint : List.of("read", "write")) {
				for (Store store : order) {
					runs.add(wrk(store, endpoint, script, seconds, round));
				}
			}
			if (plain) {
				runs.add(wrk(Store.MAP, PLAIN, script, seconds, round));
			}
		}
		return runs;
	}

	/**
	 * The stores whose applications get wrk rounds: {@code --http-stores}, by default
	 * every application. The others are counted and measured for Redis memory only, and
	 * stay idle meanwhile: on 2 cores, the JIT compilers of applications warmed up for
	 * nothing take CPU from the one being measured.
	 */
	private List<Store> httpStores() {
		String listed = this.args.text("http-stores", "");
		if (listed.isBlank()) {
			return new ArrayList<>(this.apps.keySet());
		}
		List<Store> stores = Store.list(listed);
		for (Store store : stores) {
			if (!this.apps.containsKey(store)) {
				throw new IllegalArgumentException("--http-stores names " + store.id() + ", which has no application");
			}
		}
		return stores;
	}

	/**
	 * Loads an endpoint for at least {@code least} seconds, then on in slices until its
	 * application's JIT compilers spent less than {@link #QUIET_JIT_SHARE} of a slice
	 * compiling, for {@code most} seconds at most. An application measured while its
	 * compilers still work runs code not yet optimized, on cores it shares with them:
	 * applications whose code takes longer to compile would look slower than they run.
	 * @return how long it took, as {@code "25 s"}, with {@code "(JIT still busy)"} when
	 * {@code most} was reached first
	 */
	private String warmUp(Store store, String endpoint, Path script, int least, int most)
			throws IOException, InterruptedException {
		Http http = new Http(this.apps.get(store));
		int spent = 0;
		int slice = 0;
		double jitShare = 1;
		while (spent < most) {
			slice = Math.min((spent < least) ? least - spent : WARMUP_SLICE_SECONDS, most - spent);
			long jitBefore = http.jitMillis();
			wrk(store, endpoint, script, slice, 0);
			spent += slice;
			jitShare = (http.jitMillis() - jitBefore) / (slice * 1000.0);
			if (spent >= least && jitShare < QUIET_JIT_SHARE) {
				break;
			}
		}
		String took = spent + " s" + ((jitShare < QUIET_JIT_SHARE) ? "" : " (JIT still busy)");
		log(String.format("  %-18s %-5s warmed up in %s; JIT compiling %.1f%% of the last %d s", store.id(), endpoint,
				took, 100 * jitShare, slice));
		return took;
	}

	/**
	 * Runs wrk once against a store's application.
	 * @param store the store
	 * @param endpoint {@code read}, {@code write}, or {@link #PLAIN} for the application
	 * without a session, recorded as the store {@code none}
	 */
	private Results.HttpRun wrk(Store store, String endpoint, Path script, int seconds, int round)
			throws IOException, InterruptedException {
		boolean plain = endpoint.equals(PLAIN);
		Http http = new Http(this.apps.get(store));
		long appCpuBefore = http.cpuNanos();
		long redisCpuBefore;
		try (Resp redis = new Resp(this.redisPort)) {
			redisCpuBefore = redis.cpuMicros();
		}
		List<String> command = List.of("wrk", "-t1", "-c" + this.args.integer("connections", 8), "-d" + seconds + "s",
				"--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + this.apps.get(store), "--",
				cookieFile(store).toString(), endpoint.equals("write") ? "POST" : "GET", "/" + endpoint);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("wrk did not finish: " + output);
		}
		Matcher result = WRK_RESULT.matcher(output);
		if (!result.find()) {
			throw new IllegalStateException("No result from wrk: " + output);
		}
		long appCpu = http.cpuNanos() - appCpuBefore;
		long redisCpu;
		try (Resp redis = new Resp(this.redisPort)) {
			redisCpu = redis.cpuMicros() - redisCpuBefore;
		}
		long requests = Long.parseLong(result.group(1));
		double elapsed = Double.parseDouble(result.group(2));
		long errors = Long.parseLong(result.group(5)) + Long.parseLong(result.group(6));
		Results.HttpRun run = new Results.HttpRun(plain ? NONE : store.id(), plain ? "read" : endpoint, round,
				requests / elapsed, Long.parseLong(result.group(3)) / 1000.0, Long.parseLong(result.group(4)) / 1000.0,
				appCpu / 1000.0 / Math.max(1, requests),
				(store.redis() && !plain) ? (double) redisCpu / Math.max(1, requests) : 0, errors);
		if (round > 0) {
			log(String.format("  %-18s %-5s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  app %5.0f us/req%s", store.id(),
					run.store().equals(NONE) ? "plain" : endpoint, run.requestsPerSecond(), run.p50Millis(),
					run.p99Millis(), run.appCpuMicros(), (errors > 0) ? "  ERRORS " + errors : ""));
		}
		return run;
	}

	private Path cookieFile(Store store) {
		return this.out.resolve("cookies-" + store.id() + ".txt").toAbsolutePath();
	}

	private static String perRequest(Map<String, Long> counts, int requests) {
		List<String> parts = new ArrayList<>();
		counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.forEach((entry) -> parts.add(Report.number((double) entry.getValue() / requests) + " " + entry.getKey()));
		return String.join(", ", parts);
	}

	/**
	 * Waits while the clock is within a few seconds of a minute, when background jobs
	 * run.
	 */
	static void awaitQuietSecond() {
		while (true) {
			int second = LocalTime.now().getSecond();
			if (second >= 3 && second <= 52) {
				return;
			}
			sleep(500);
		}
	}

	private static void awaitReady(Store store, Http http) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!http.ready()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The application of " + store.id() + " did not start");
			}
			sleep(250);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void log(String message) {
		System.out.println("[bench " + LocalTime.now().withNano(0) + "] " + message);
	}

	/** {@code --name=value} arguments. */
	static final class Args {

		private final Map<String, String> values = new LinkedHashMap<>();

		static Args parse(String[] arguments) {
			Args args = new Args();
			for (String argument : arguments) {
				if (!argument.startsWith("--")) {
					throw new IllegalArgumentException("Arguments are --name=value, not " + argument);
				}
				int equals = argument.indexOf('=');
				if (equals < 0) {
					args.values.put(argument.substring(2), "true");
				}
				else {
					args.values.put(argument.substring(2, equals), argument.substring(equals + 1));
				}
			}
			return args;
		}

		String text(String name, String defaultValue) {
			return this.values.getOrDefault(name, defaultValue);
		}

		int integer(String name, int defaultValue) {
			String value = this.values.get(name);
			return (value != null) ? Integer.parseInt(value) : defaultValue;
		}

		boolean flag(String name) {
			return Boolean.parseBoolean(this.values.getOrDefault(name, "false"));
		}

	}

	/** Facts about the machine the run is on. */
	static final class Machine {

		private Machine() {
		}

		static double load() {
			try {
				return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
			}
			catch (IOException | RuntimeException ex) {
				return -1;
			}
		}

	}

}
