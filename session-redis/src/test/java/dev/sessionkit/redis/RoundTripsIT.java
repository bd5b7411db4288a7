package dev.sessionkit.redis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis round trips per request, counted at the client's socket: what Spring Session's
 * filter does for a read-only request (find, touch, save), a writing request, and a new
 * session. A regression here costs every user latency, so it fails the build.
 */
class RoundTripsIT {

	private static RedisServer server;

	private static RedissonClient redisson;

	private static final RoundTripCounter counter = new RoundTripCounter();

	private SessionKitRepository repository;

	@BeforeAll
	static void startRedis() {
		server = RedisServer.start();
		redisson = RedisFixture.client(server, counter);
	}

	@AfterAll
	static void stopRedis() {
		redisson.shutdown();
		server.close();
	}

	@BeforeEach
	void warmUp() {
		this.repository = new SessionKitRepository(RedissonSessionStore.builder(redisson).build(),
				AttributeCodec.json());
		KitSession warm = this.repository.createSession();
		warm.setAttribute("form", Map.of("income", 1L));
		this.repository.save(warm);
		KitSession found = this.repository.findById(warm.getId());
		found.setAttribute("chat", List.of("hello"));
		this.repository.save(found);
		counter.reset();
	}

	private KitSession stored() {
		KitSession session = this.repository.createSession();
		session.setAttribute("form", Map.of("income", 120_000L, "price", 400_000L));
		session.setAttribute("chat", List.of("hello", "how much can I borrow?"));
		this.repository.save(session);
		counter.reset();
		return session;
	}

	@Test
	void readOnlyRequestCostsOneRoundTrip() {
		String id = stored().getId();
		KitSession session = this.repository.findById(id);
		session.setLastAccessedTime(Instant.now());
		session.getAttribute("form");
		session.getAttribute("chat");
		this.repository.save(session);
		assertThat(counter.roundTrips()).isEqualTo(1);
		assertThat(counter.commands()).isEqualTo(1);
	}

	@Test
	void writingRequestCostsTwoRoundTrips() {
		String id = stored().getId();
		KitSession session = this.repository.findById(id);
		session.setLastAccessedTime(Instant.now());
		session.setAttribute("chat", List.of("hello", "how much can I borrow?", "about 380,000"));
		this.repository.save(session);
		assertThat(counter.roundTrips()).isEqualTo(2);
		assertThat(counter.commands()).isEqualTo(2);
	}

	@Test
	void newSessionCostsOneRoundTrip() {
		KitSession session = this.repository.createSession();
		session.setLastAccessedTime(Instant.now());
		session.setAttribute("form", Map.of("income", 1L));
		this.repository.save(session);
		assertThat(counter.roundTrips()).isEqualTo(1);
	}

}
