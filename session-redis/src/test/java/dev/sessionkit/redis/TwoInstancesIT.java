package dev.sessionkit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.testkit.MutableClock;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.context.ApplicationEvent;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.session.events.SessionDestroyedEvent;
import org.springframework.session.events.SessionExpiredEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances, each with its own Redisson client and repository, on one
 * Redis: they share sessions, concurrent writes of different attributes all survive, and
 * every event fires once in total.
 */
class TwoInstancesIT {

	private final MutableClock clock = new MutableClock(java.time.Instant.now());

	private final List<ApplicationEvent> eventsOfA = new CopyOnWriteArrayList<>();

	private final List<ApplicationEvent> eventsOfB = new CopyOnWriteArrayList<>();

	private RedisServer server;

	private RedissonClient clientA;

	private RedissonClient clientB;

	private SessionKitRepository a;

	private SessionKitRepository b;

	@BeforeEach
	void start() {
		this.server = RedisServer.start();
		this.clientA = RedisFixture.client(this.server);
		this.clientB = RedisFixture.client(this.server);
		this.a = instance(this.clientA, this.eventsOfA);
		this.b = instance(this.clientB, this.eventsOfB);
	}

	@AfterEach
	void stop() {
		this.clientA.shutdown();
		this.clientB.shutdown();
		this.server.close();
	}

	private SessionKitRepository instance(RedissonClient client, List<ApplicationEvent> events) {
		SessionKitRepository repository = new SessionKitRepository(
				RedissonSessionStore.builder(client).keyPrefix("sessionkit:shop:").build(), AttributeCodec.json());
		repository.setClock(this.clock);
		repository.setApplicationEventPublisher((event) -> events.add((ApplicationEvent) event));
		return repository;
	}

	private List<String> ids(Class<? extends SessionDestroyedEvent> type) {
		List<String> ids = new ArrayList<>();
		for (ApplicationEvent event : this.eventsOfA) {
			if (type.isInstance(event)) {
				ids.add(((SessionDestroyedEvent) event).getSessionId());
			}
		}
		for (ApplicationEvent event : this.eventsOfB) {
			if (type.isInstance(event)) {
				ids.add(((SessionDestroyedEvent) event).getSessionId());
			}
		}
		return ids;
	}

	@Test
	void eachInstanceSeesTheOthersWrites() {
		KitSession session = this.a.createSession();
		session.setAttribute("step", 1);
		this.a.save(session);
		KitSession onB = this.b.findById(session.getId());
		assertThat(onB.<Integer>getAttribute("step")).isEqualTo(1);
		onB.setAttribute("step", 2);
		this.b.save(onB);
		assertThat(this.a.findById(session.getId()).<Integer>getAttribute("step")).isEqualTo(2);
		this.b.deleteById(session.getId());
		assertThat(this.a.findById(session.getId())).isNull();
	}

	@Test
	void concurrentWritesThroughBothInstancesAllSurvive() throws Exception {
		KitSession session = this.a.createSession();
		this.a.save(session);
		int writers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				SessionKitRepository instance = (i % 2 == 0) ? this.a : this.b;
				String name = "field" + i;
				done.add(pool.submit(() -> {
					start.await();
					KitSession copy = instance.findById(session.getId());
					copy.setAttribute(name, name);
					instance.save(copy);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.b.findById(session.getId()).getAttributeNames()).hasSize(writers);
	}

	@Test
	void everyEventFiresOnceAcrossInstances() throws Exception {
		List<String> expiring = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			SessionKitRepository creator = (i % 2 == 0) ? this.a : this.b;
			KitSession session = creator.createSession();
			session.setAttribute("n", i);
			creator.save(session);
			expiring.add(session.getId());
		}
		KitSession deleted = this.a.createSession();
		this.a.save(deleted);
		this.b.deleteById(deleted.getId());
		this.a.deleteById(deleted.getId());
		this.clock.advance(Duration.ofMinutes(30));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			done.add(pool.submit(this.a::cleanUpExpiredSessions));
			done.add(pool.submit(this.b::cleanUpExpiredSessions));
			done.add(pool.submit(() -> expiring.subList(0, 100).forEach(this.a::findById)));
			done.add(pool.submit(() -> expiring.subList(50, 150).forEach(this.b::findById)));
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		this.a.cleanUpExpiredSessions();
		this.b.cleanUpExpiredSessions();
		List<String> created = new ArrayList<>();
		this.eventsOfA.stream()
			.filter(SessionCreatedEvent.class::isInstance)
			.forEach((event) -> created.add(((SessionCreatedEvent) event).getSessionId()));
		this.eventsOfB.stream()
			.filter(SessionCreatedEvent.class::isInstance)
			.forEach((event) -> created.add(((SessionCreatedEvent) event).getSessionId()));
		assertThat(created).hasSize(201).doesNotHaveDuplicates();
		assertThat(ids(SessionExpiredEvent.class)).hasSize(200)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expiring);
		assertThat(ids(SessionDeletedEvent.class)).containsExactly(deleted.getId());
		assertThat(this.server.command("KEYS", "*")).asList().isEmpty();
	}

}
