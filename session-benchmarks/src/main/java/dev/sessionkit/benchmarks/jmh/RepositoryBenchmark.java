package dev.sessionkit.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.sessionkit.benchmarks.stores.RedisTarget;
import dev.sessionkit.benchmarks.stores.Repositories;
import dev.sessionkit.benchmarks.stores.SessionOps;
import dev.sessionkit.benchmarks.stores.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * What one request costs each store at the repository level, without HTTP: the calls
 * Spring Session's filter makes for a request ({@code findById}, mark the access, read
 * the form and the chat, {@code save}), on one thread, over {@value #SESSIONS} sessions
 * holding the same payload (a ~1 KB mortgage form and 20 chat messages).
 * <ul>
 * <li>{@link #readOnly}: the request only reads the session;</li>
 * <li>{@link #writing}: the request also stores the chat with one more message.</li>
 * </ul>
 * The score is operations per second of one thread; on loopback Redis it is the client's
 * CPU plus one network wait per round trip, so fewer round trips and less per-request
 * work both show. Redis stores use the server named by the environment variable
 * {@code BENCH_REDIS_PORT} on 127.0.0.1, each in its own database.
 * <p>
 * Run all stores (bench.sh does this, with a redis-server of its own): <pre>
 * BENCH_REDIS_PORT=6390 java -cp target/classes:$(cat target/classpath.txt) \
 *     org.openjdk.jmh.Main RepositoryBenchmark -prof gc
 * </pre> or some: {@code -p store=kit-redis,ssdr-json}. Add {@code -prof jfr} to profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RepositoryBenchmark {

	/** Sessions the benchmark spreads its requests over. */
	static final int SESSIONS = 1_000;

	/**
	 * Added to {@link Store#database()}: the benchmark's sessions stay apart from the
	 * applications'.
	 */
	static final int DATABASE_OFFSET = 20;

	/** The store, by {@link Store#id()}. */
	@Param({ "kit-memory", "map", "kit-redis", "ssdr-json", "ssdr-jdk", "ssdr-indexed-json", "ssdr-indexed-jdk",
			"ssdr-redisson" })
	public String store;

	private Repositories.Opened opened;

	private SessionRepository<? extends Session> repository;

	private String[] ids;

	private int next;

	private long turn;

	@Setup(Level.Trial)
	public void open() {
		Store chosen = Store.of(this.store);
		RedisTarget redis = null;
		if (chosen.redis()) {
			String port = System.getenv("BENCH_REDIS_PORT");
			if (port == null) {
				throw new IllegalStateException("Set BENCH_REDIS_PORT to the port of a redis-server on 127.0.0.1");
			}
			redis = RedisTarget.loopback(Integer.parseInt(port), DATABASE_OFFSET + chosen.database());
		}
		this.opened = Repositories.open(chosen, redis);
		this.repository = this.opened.repository();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			created.add(SessionOps.create(this.repository, i, null));
		}
		this.ids = created.toArray(new String[0]);
	}

	@TearDown(Level.Trial)
	public void close() {
		for (String id : this.ids) {
			this.repository.deleteById(id);
		}
		this.opened.close();
	}

	@Benchmark
	public long readOnly() {
		return SessionOps.readOnly(this.repository, nextId());
	}

	@Benchmark
	public long writing() {
		return SessionOps.writing(this.repository, nextId(), ++this.turn);
	}

	private String nextId() {
		String id = this.ids[this.next];
		this.next = (this.next + 1) % this.ids.length;
		return id;
	}

}
