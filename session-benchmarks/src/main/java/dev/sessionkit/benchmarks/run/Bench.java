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
import java.util.Comparator;
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
 * {@code bench.sh} started (one or more per store) and one Redis server:
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
 * A store may have more than one application, each in a JVM of its own
 * ({@code --apps=map:8081,map#2:8082}): the same code runs a few percent faster or slower
 * in one JVM than in another, for as long as that JVM lives, which is as much as the
 * memory stores differ. Their rounds then run every JVM, and a ratio compares the means
 * of the two stores' JVMs in each round. Counts and Redis memory use each store's first
 * application.
 * <p>
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

	/**
	 * The longest warm-up of {@code GET /plain}, which runs on an application already
	 * warmed up on its read endpoint through the same servlet stack.
	 */
	private static final int PLAIN_WARMUP_MOST_SECONDS = 10;

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

	/** Every application, each store's first one first. */
	private final List<App> apps;

	/** The first application of each store. */
	private final Map<Store, App> firstApps = new LinkedHashMap<>();

	private final Path out;

	private Bench(Args args) {
		this.args = args;
		this.redisPort = args.integer("redis-port", 0);
		this.apps = App.list(args.text("apps", ""));
		for (App app : this.apps) {
			this.firstApps.putIfAbsent(app.store(), app);
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
		for (App app : this.apps) {
			awaitReady(app, new Http(app.port()));
		}
		int wrkSessions = this.args.integer("wrk-sessions", 200);
		log("creating " + wrkSessions + " sessions per application");
		for (App app : this.apps) {
			Http http = new Http(app.port());
			List<String> list = new ArrayList<>();
			for (int i = 0; i < wrkSessions; i++) {
				list.add(http.newSession());
			}
			Files.write(cookieFile(app), list);
		}
		List<Results.StoreCounts> counts = new ArrayList<>();
		int countRequests = this.args.integer("count-requests", 50);
		for (App app : this.firstApps.values()) {
			log("counting Redis traffic of " + app.store().id());
			counts.add(count(app.store(), new Http(app.port()), countRequests));
		}
		List<Results.StoreMemory> memory = new ArrayList<>();
		int memorySessions = this.args.integer("memory-sessions", 10_000);
		for (Store store : this.firstApps.keySet()) {
			if (store.redis()) {
				log("measuring Redis memory of " + memorySessions + " sessions of " + store.id());
				memory.add(memory(store, memorySessions));
			}
		}
		List<Results.HttpRun> http = httpRounds();
		Results.Driver results = new Results.Driver(this.args.text("mode", "default"),
				this.firstApps.keySet().stream().map(Store::id).toList(), this.args.integer("connections", 8),
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
		List<App> apps = httpApps();
		App plain = apps.stream().filter((app) -> app.store() == Store.MAP).findFirst().orElse(null);
		int warmupMost = Math.max(warmup, this.args.integer("warmup-max", warmup));
		if (warmup > 0) {
			log("warming up every application: " + warmup + " s per endpoint, then on until its JIT compilers "
					+ "are quiet, " + warmupMost + " s at most");
			List<String> warmed = new ArrayList<>();
			for (App app : apps) {
				for (String endpoint : List.of("read", "write")) {
					warmed.add(app.id() + " " + endpoint + " " + warmUp(app, endpoint, script, warmup, warmupMost));
				}
			}
			if (plain != null) {
				int plainMost = Math.min(warmupMost, PLAIN_WARMUP_MOST_SECONDS);
				warmed.add(PLAIN + " " + warmUp(plain, PLAIN, script, Math.min(warmup, plainMost), plainMost));
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
			List<App> order = new ArrayList<>(apps);
			if (round % 2 == 0) {
				Collections.reverse(order);
			}
			for (String endpoint : List.of("read", "write")) {
				for (App app : order) {
					runs.add(wrk(app, endpoint, script, seconds, round));
				}
			}
			if (plain != null) {
				runs.add(wrk(plain, PLAIN, script, seconds, round));
			}
		}
		return runs;
	}

	/**
	 * The applications that get wrk rounds: those of {@code --http-stores}, by default
	 * every one, each store's first applications first, in that order, then its others:
	 * the first JVMs of two stores run back to back, and so do their second JVMs. The
	 * others are counted and measured for Redis memory only, and stay idle meanwhile: on
	 * 2 cores, the JIT compilers of applications warmed up for nothing take CPU from the
	 * one being measured.
	 */
	private List<App> httpApps() {
		String listed = this.args.text("http-stores", "");
		List<Store> stores = listed.isBlank() ? new ArrayList<>(this.firstApps.keySet()) : Store.list(listed);
		for (Store store : stores) {
			if (!this.firstApps.containsKey(store)) {
				throw new IllegalArgumentException("--http-stores names " + store.id() + ", which has no application");
			}
		}
		List<App> apps = new ArrayList<>();
		for (App app : this.apps) {
			if (stores.contains(app.store())) {
				apps.add(app);
			}
		}
		apps.sort(Comparator.comparingInt(App::fork).thenComparingInt((app) -> stores.indexOf(app.store())));
		return apps;
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
	private String warmUp(App app, String endpoint, Path script, int least, int most)
			throws IOException, InterruptedException {
		Http http = new Http(app.port());
		int spent = 0;
		int slice = 0;
		double jitShare = 1;
		while (spent < most) {
			slice = Math.min((spent < least) ? least - spent : WARMUP_SLICE_SECONDS, most - spent);
			long jitBefore = http.jitMillis();
			wrk(app, endpoint, script, slice, 0);
			spent += slice;
			jitShare = (http.jitMillis() - jitBefore) / (slice * 1000.0);
			if (spent >= least && jitShare < QUIET_JIT_SHARE) {
				break;
			}
		}
		String took = spent + " s" + ((jitShare < QUIET_JIT_SHARE) ? "" : " (JIT still busy)");
		log(String.format("  %-18s %-5s warmed up in %s; JIT compiling %.1f%% of the last %d s", app.id(), endpoint,
				took, 100 * jitShare, slice));
		return took;
	}

	/**
	 * Runs wrk once against an application.
	 * @param app the application
	 * @param endpoint {@code read}, {@code write}, or {@link #PLAIN} for the application
	 * without a session, recorded as the store {@code none}
	 */
	private Results.HttpRun wrk(App app, String endpoint, Path script, int seconds, int round)
			throws IOException, InterruptedException {
		boolean plain = endpoint.equals(PLAIN);
		Store store = app.store();
		Http http = new Http(app.port());
		long appCpuBefore = http.cpuNanos();
		long redisCpuBefore;
		try (Resp redis = new Resp(this.redisPort)) {
			redisCpuBefore = redis.cpuMicros();
		}
		List<String> command = List.of("wrk", "-t1", "-c" + this.args.integer("connections", 8), "-d" + seconds + "s",
				"--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + app.port(), "--",
				cookieFile(app).toString(), endpoint.equals("write") ? "POST" : "GET", "/" + endpoint);
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
		Results.HttpRun run = new Results.HttpRun(plain ? NONE : store.id(), app.fork(), plain ? "read" : endpoint,
				round, requests / elapsed, Long.parseLong(result.group(3)) / 1000.0,
				Long.parseLong(result.group(4)) / 1000.0, appCpu / 1000.0 / Math.max(1, requests),
				(store.redis() && !plain) ? (double) redisCpu / Math.max(1, requests) : 0, errors);
		if (round > 0) {
			log(String.format("  %-18s %-5s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  app %5.0f us/req%s", app.id(),
					run.store().equals(NONE) ? "plain" : endpoint, run.requestsPerSecond(), run.p50Millis(),
					run.p99Millis(), run.appCpuMicros(), (errors > 0) ? "  ERRORS " + errors : ""));
		}
		return run;
	}

	private Path cookieFile(App app) {
		return this.out.resolve("cookies-" + app.id() + ".txt").toAbsolutePath();
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

	private static void awaitReady(App app, Http http) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!http.ready()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The application " + app.id() + " did not start");
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

	/**
	 * A benchmark application: the {@code fork}-th JVM serving a store, from 1.
	 *
	 * @param store the store
	 * @param fork which of the store's JVMs
	 * @param port its HTTP port on 127.0.0.1
	 */
	record App(Store store, int fork, int port) {

		/** Parses {@code store[#fork]:port,...}. */
		static List<App> list(String apps) {
			List<App> list = new ArrayList<>();
			for (String app : apps.split(",")) {
				String[] parts = app.split(":");
				String[] name = parts[0].split("#");
				list.add(new App(Store.of(name[0]), (name.length > 1) ? Integer.parseInt(name[1]) : 1,
						Integer.parseInt(parts[1])));
			}
			list.sort(Comparator.comparingInt(App::fork));
			return list;
		}

		/** The store's id, with {@code #fork} after the first JVM. */
		String id() {
			return (this.fork == 1) ? this.store.id() : this.store.id() + "#" + this.fork;
		}

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
