package dev.sessionkit.benchmarks.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small web application whose state lives in the HTTP session, run once per store:
 * {@code --bench.store=<id>} (see {@link dev.sessionkit.benchmarks.stores.Store}) picks
 * the session repository, {@code --bench.redis.port} the Redis server of the Redis
 * stores. Every store is wired the way its users wire it (SessionKit like its starter,
 * the peers with Spring Session's {@code @Enable...HttpSession}), behind the same Spring
 * Session filter and the same {@link SessionController}.
 * <p>
 * Run: {@code java -cp <classpath> dev.sessionkit.benchmarks.app.BenchApplication
 * --server.port=8081 --bench.store=kit-redis --bench.redis.port=6390}; {@code bench.sh}
 * starts one per store.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class BenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchApplication.class, args);
	}

}
