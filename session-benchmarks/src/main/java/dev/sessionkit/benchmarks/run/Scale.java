package dev.sessionkit.benchmarks.run;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import dev.sessionkit.benchmarks.stores.Clients;
import dev.sessionkit.benchmarks.stores.RedisTarget;
import dev.sessionkit.benchmarks.stores.SessionOps;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.memory.CaffeineSessionStore;
import dev.sessionkit.redis.RedissonSessionStore;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RedissonClient;

import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * SessionKit's stores with many sessions (1,000,000 by default), each holding the
 * payload; run in a JVM of its own, one store at a time.
 * <ul>
 * <li>{@code --what=memory}: live heap per session of the memory store and of
 * {@code MapSessionRepository}, read-only throughput (repository level, 2 threads, random
 * sessions) with 1,000 sessions and with all of them, and abandonment: sessions with a
 * short timeout that nobody touches again must leave the memory store by themselves and
 * give the heap back, while {@code MapSessionRepository} keeps them.</li>
 * <li>{@code --what=redis --redis-port=P}: Redis memory per session ({@code used_memory}
 * delta, on a server of its own) and read-only throughput (4 threads) with 1,000 sessions
 * and with all of them.</li>
 * </ul>
 * Session ids are derived from a counter (32 characters, as long as SessionKit's), so the
 * driver holds no list of ids that would count as the store's memory. Writes
 * {@code scale-memory.json} or {@code scale-redis.json} into {@code --out}.
 * <p>
 * {@code bench.sh} runs it; alone: {@code java -Xms8g -Xmx8g -cp <classpath>
 * dev.sessionkit.benchmarks.run.Scale --what=memory --sessions=1000000 --seconds=3
 * --abandon-seconds=30 --out=target/bench}, or {@code --what=redis --redis-port=P}
 * against a {@code redis-server} of its own.
 */
public final class Scale {

	private static final ThreadLocal<String> nextId = new ThreadLocal<>();

	private Scale() {
	}

	public static void main(String[] arguments) throws Exception {
		Bench.Args args = Bench.Args.parse(arguments);
		Path out = Path.of(args.text("out", "target/bench"));
		int sessions = args.integer("sessions", 1_000_000);
		int seconds = args.integer("seconds", 5);
		if (args.text("what", "memory").equals("memory")) {
			Results.write(out.resolve("scale-memory.json"),
					memory(sessions, seconds, args.integer("abandon-seconds", 30)));
		}
		else {
			Results.write(out.resolve("scale-redis.json"), redis(args.integer("redis-port", 0), sessions, seconds));
		}
	}

	private static Results.ScaleMemory memory(int sessions, int seconds, int abandonSeconds) {
		long baseline = liveHeap();
		Bench.log("memory store: baseline heap " + mb(baseline));
		double small = memoryThroughput(1_000, seconds);
		Bench.log(String.format("memory store: %.0f ops/s with 1,000 sessions", small));
		double[] large = memoryAtScale(sessions, seconds);
		Abandonment abandonment = abandon(sessions, Duration.ofSeconds(abandonSeconds));
		long[] map = mapAbandon(sessions, Duration.ofSeconds(abandonSeconds));
		return new Results.ScaleMemory(sessions, large[1], (double) map[0] / sessions, small, large[0], abandonSeconds,
				abandonment.secondsToFree(), abandonment.left(), baseline, abandonment.heapFull(),
				abandonment.heapAfter(), map[1]);
	}

	private static double memoryThroughput(int sessions, int seconds) {
		SessionKitRepository repository = kitMemory(CaffeineSessionStore.builder().build());
		fill(repository, 0, sessions, null, 2);
		return throughput(repository, sessions, seconds, 2);
	}

	/** Returns the throughput with all the sessions and their heap per session. */
	private static double[] memoryAtScale(int sessions, int seconds) {
		SessionKitRepository repository = kitMemory(CaffeineSessionStore.builder().build());
		long before = liveHeap();
		double fillSeconds = fill(repository, 0, sessions, null, 2);
		long full = liveHeap();
		double perSession = (double) (full - before) / sessions;
		Bench.log(String.format("memory store: %,d sessions in %.1f s, %.0f bytes of heap each", sessions, fillSeconds,
				perSession));
		double large = throughput(repository, sessions, seconds, 2);
		Bench.log(String.format("memory store: %.0f ops/s with %,d sessions", large, sessions));
		return new double[] { large, perSession };
	}

	/**
	 * Fills the memory store with sessions of a short timeout that nobody touches again,
	 * then waits for the store to drop them by itself.
	 */
	private static Abandonment abandon(int sessions, Duration timeout) {
		CaffeineSessionStore store = CaffeineSessionStore.builder().build();
		SessionKitRepository repository = kitMemory(store);
		long started = System.nanoTime();
		fill(repository, 0, sessions, timeout, 2);
		long lastDeadline = System.nanoTime() + timeout.toNanos();
		long heapFull = liveHeap();
		Bench.log(String.format("abandonment: %,d sessions with a %d s timeout held (filled in %.1f s), heap %s",
				store.estimatedSize(), timeout.toSeconds(), (System.nanoTime() - started) / 1e9, mb(heapFull)));
		long giveUp = lastDeadline + TimeUnit.SECONDS.toNanos(60);
		while (store.estimatedSize() > 0 && System.nanoTime() < giveUp) {
			Bench.sleep(100);
		}
		long left = store.estimatedSize();
		double secondsToFree = (left == 0) ? (System.nanoTime() - lastDeadline) / 1e9 : -1;
		long heapAfter = liveHeap();
		Bench.log(String.format("abandonment: %,d sessions left %.1f s after the last deadline, heap %s", left,
				(System.nanoTime() - lastDeadline) / 1e9, mb(heapAfter)));
		return new Abandonment(Math.max(0, secondsToFree), left, heapFull, heapAfter);
	}

	/**
	 * Returns the heap per session of {@code MapSessionRepository} and what it still
	 * holds.
	 */
	private static long[] mapAbandon(int sessions, Duration timeout) {
		ConcurrentHashMap<String, Session> map = new ConcurrentHashMap<>();
		MapSessionRepository repository = new MapSessionRepository(map);
		repository.setSessionIdGenerator(nextId::get);
		long before = liveHeap();
		fill(repository, 0, sessions, timeout, 2);
		long full = liveHeap();
		Bench.sleep(timeout.toMillis() + 2_000);
		long left = map.size();
		Bench.log(String.format(
				"MapSessionRepository: %.0f bytes of heap per session; %,d of %,d left after the " + "timeout",
				(double) (full - before) / sessions, left, sessions));
		return new long[] { full - before, left };
	}

	/**
	 * What became of abandoned sessions.
	 *
	 * @param secondsToFree seconds from the last deadline until none was left
	 * @param left sessions still held at the end
	 * @param heapFull live heap with all of them
	 * @param heapAfter live heap after they expired
	 */
	private record Abandonment(double secondsToFree, long left, long heapFull, long heapAfter) {

	}

	private static Results.ScaleRedis redis(int port, int sessions, int seconds) {
		RedissonClient redisson = Clients.sessionKitRedisson(RedisTarget.loopback(port, 0));
		try (Resp redis = new Resp(port)) {
			SessionKitRepository repository = Clients.kitDefaults(new SessionKitRepository(
					RedissonSessionStore.builder(redisson).keyPrefix(Clients.KIT_KEY_PREFIX).build(),
					Clients.kitCodec()));
			repository.setSessionIdGenerator(nextId::get);
			long usedBefore = Long.parseLong(redis.info("memory").get("used_memory"));
			long keysBefore = (Long) redis.command("DBSIZE");
			fill(repository, 0, 1_000, null, 4);
			double small = throughput(repository, 1_000, seconds, 4);
			Bench.log(String.format("Redis store: %.0f ops/s with 1,000 sessions", small));
			double fillSeconds = fill(repository, 1_000, sessions, null, 4);
			long usedAfter = Long.parseLong(redis.info("memory").get("used_memory"));
			long keysAfter = (Long) redis.command("DBSIZE");
			double perSession = (double) (usedAfter - usedBefore) / sessions;
			Bench.log(String.format("Redis store: %,d sessions in %.1f s, %.0f bytes of Redis memory each", sessions,
					fillSeconds, perSession));
			double large = throughput(repository, sessions, seconds, 4);
			Bench.log(String.format("Redis store: %.0f ops/s with %,d sessions", large, sessions));
			return new Results.ScaleRedis(sessions, perSession, (double) (keysAfter - keysBefore) / sessions, small,
					large, fillSeconds);
		}
		finally {
			redisson.shutdown();
		}
	}

	private static SessionKitRepository kitMemory(CaffeineSessionStore store) {
		SessionKitRepository repository = Clients.kitDefaults(new SessionKitRepository(store, Clients.kitCodec()));
		repository.setSessionIdGenerator(nextId::get);
		return repository;
	}

	static String id(int index) {
		return String.format("%032d", index);
	}

	/**
	 * Creates the sessions {@code from} to {@code to - 1}; returns the seconds it took.
	 */
	private static <S extends Session> double fill(SessionRepository<S> repository, int from, int to,
			@Nullable Duration timeout, int threads) {
		long started = System.nanoTime();
		AtomicInteger next = new AtomicInteger(from);
		run(threads, () -> {
			int index;
			while ((index = next.getAndIncrement()) < to) {
				nextId.set(id(index));
				SessionOps.create(repository, index, timeout);
			}
			return null;
		});
		return (System.nanoTime() - started) / 1e9;
	}

	/** Read-only operations per second on random sessions, after a warm-up as long. */
	private static <S extends Session> double throughput(SessionRepository<S> repository, int sessions, int seconds,
			int threads) {
		IntFunction<String> ids = Scale::id;
		measure(repository, ids, sessions, seconds, threads);
		return measure(repository, ids, sessions, seconds, threads);
	}

	private static <S extends Session> double measure(SessionRepository<S> repository, IntFunction<String> ids,
			int sessions, int seconds, int threads) {
		LongAdder operations = new LongAdder();
		long started = System.nanoTime();
		long deadline = started + seconds * 1_000_000_000L;
		run(threads, () -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (System.nanoTime() < deadline) {
				SessionOps.readOnly(repository, ids.apply(random.nextInt(sessions)));
				operations.increment();
			}
			return null;
		});
		return operations.sum() / ((System.nanoTime() - started) / 1e9);
	}

	private static void run(int threads, java.util.concurrent.Callable<Void> task) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			Future<?>[] workers = new Future<?>[threads];
			for (int i = 0; i < threads; i++) {
				workers[i] = executor.submit(task);
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** The heap in use after full collections: what live objects take. */
	static long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Bench.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static String mb(long bytes) {
		return String.format("%.0f MB", bytes / 1048576.0);
	}

}
