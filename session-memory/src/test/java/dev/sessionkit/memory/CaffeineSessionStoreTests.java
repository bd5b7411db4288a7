package dev.sessionkit.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.events.SessionExpiredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What only the memory store promises: values kept without JSON, abandoned sessions freed
 * by themselves, and the optional maximum held.
 */
class CaffeineSessionStoreTests {

	private final Set<String> expired = ConcurrentHashMap.newKeySet();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private SessionKitRepository repository(CaffeineSessionStore store) {
		SessionKitRepository repository = new SessionKitRepository(store, AttributeCodec.json());
		repository.setApplicationEventPublisher((event) -> {
			if (event instanceof SessionExpiredEvent expiredEvent) {
				this.expired.add(expiredEvent.getSessionId());
			}
		});
		return repository;
	}

	/**
	 * A store on the test's clock, with maintenance and listeners on the calling thread.
	 */
	private CaffeineSessionStore storeOnClock() {
		return CaffeineSessionStore.builder().clock(this.clock).executor(Runnable::run).build();
	}

	private SessionKitRepository repositoryOnClock(CaffeineSessionStore store) {
		SessionKitRepository repository = repository(store);
		repository.setClock(this.clock);
		return repository;
	}

	@Test
	void valuesAreKeptWithoutJsonOnceTheirTypesMadeOneRoundTrip() {
		AtomicInteger jsonCalls = new AtomicInteger();
		AttributeCodec json = AttributeCodec.json();
		AttributeCodec counting = new AttributeCodec() {
			@Override
			public String encode(String name, Object value) {
				jsonCalls.incrementAndGet();
				return json.encode(name, value);
			}

			@Override
			public Object decode(String name, String encoded) {
				jsonCalls.incrementAndGet();
				return json.decode(name, encoded);
			}
		};
		CaffeineSessionStore store = CaffeineSessionStore.builder().build();
		assertThat(store.acceptsHeapValues()).isTrue();
		SessionKitRepository repository = new SessionKitRepository(store, counting);
		repository.setMaxSessionSize(256 * 1024);
		KitSession first = repository.createSession();
		first.setAttribute("messages", new ArrayList<>(List.of("hello")));
		repository.save(first);
		int afterFirst = jsonCalls.get();
		KitSession second = repository.createSession();
		second.setAttribute("messages", new ArrayList<>(List.of("hi", "there")));
		repository.save(second);
		KitSession found = repository.findById(second.getId());
		List<String> messages = found.getAttribute("messages");
		messages.add("not saved");
		assertThat(repository.findById(second.getId()).<List<String>>getAttribute("messages")).containsExactly("hi",
				"there");
		assertThat(jsonCalls.get()).isEqualTo(afterFirst);
	}

	@Test
	void abandonedSessionsAreFreedWithoutAnyFurtherTraffic() {
		CaffeineSessionStore store = CaffeineSessionStore.builder().build();
		SessionKitRepository repository = repository(store);
		repository.setDefaultMaxInactiveInterval(Duration.ofMillis(200));
		for (int i = 0; i < 1_000; i++) {
			KitSession session = repository.createSession();
			session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "user" + (i % 10));
			repository.save(session);
		}
		assertThat(store.estimatedSize()).isEqualTo(1_000);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(store.estimatedSize()).isZero();
			assertThat(this.expired).hasSize(1_000);
			assertThat(store.principalIndex()).isEmpty();
		});
	}

	@Test
	void aSessionTouchedInPlaceLivesToItsNewDeadlineAndIsReportedOnceItPasses() {
		CaffeineSessionStore store = storeOnClock();
		SessionKitRepository repository = repositoryOnClock(store);
		KitSession session = repository.createSession();
		session.setAttribute("form", "step 1");
		repository.save(session);
		// touched a second later: the touch is due, and its deadline is within the
		// cache's slack, so no cache write moves its timer
		this.clock.advance(Duration.ofSeconds(1));
		KitSession touched = repository.findById(session.getId());
		touched.setAttribute("chat", "hello");
		repository.save(touched);
		// past the first deadline, 100 ms before the one the touch set
		this.clock.advance(Duration.ofMinutes(30).minusMillis(100));
		repository.cleanUpExpiredSessions();
		assertThat(this.expired).isEmpty();
		KitSession found = repository.findById(session.getId());
		assertThat(found).isNotNull();
		assertThat(found.<String>getAttribute("form")).isEqualTo("step 1");
		assertThat(found.<String>getAttribute("chat")).isEqualTo("hello");
		this.clock.advance(Duration.ofMinutes(30));
		repository.cleanUpExpiredSessions();
		assertThat(this.expired).containsExactly(session.getId());
		assertThat(store.estimatedSize()).isZero();
		assertThat(repository.findById(session.getId())).isNull();
	}

	@Test
	void aSessionUsedAgainWithinASecondKeepsItsRecordedAccessAndDeadline() {
		CaffeineSessionStore store = storeOnClock();
		SessionKitRepository repository = repositoryOnClock(store);
		KitSession session = repository.createSession();
		session.setAttribute("form", "step 1");
		repository.save(session);
		Instant created = session.getLastAccessedTime();
		this.clock.advance(Duration.ofMillis(600));
		KitSession again = repository.findById(session.getId());
		assertThat(again.getLastAccessedTime()).isEqualTo(created);
		again.setLastAccessedTime(this.clock.instant());
		again.setAttribute("chat", "hello");
		repository.save(again);
		// the deadline is the recorded access's: 600 ms before the latest access's
		this.clock.advance(Duration.ofMinutes(30).minusMillis(601));
		repository.cleanUpExpiredSessions();
		assertThat(this.expired).isEmpty();
		this.clock.advance(Duration.ofMillis(1));
		repository.cleanUpExpiredSessions();
		assertThat(this.expired).containsExactly(session.getId());
	}

	@Test
	void cleanUpRemovesExactlyTheSessionsPastTheirDeadlineThoughTheCacheWouldWaitASecond() {
		CaffeineSessionStore store = storeOnClock();
		SessionKitRepository repository = repositoryOnClock(store);
		repository.setDefaultMaxInactiveInterval(Duration.ofSeconds(90));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			KitSession session = repository.createSession();
			repository.save(session);
			ids.add(session.getId());
			this.clock.advance(Duration.ofMillis(50));
		}
		// the first 20 deadlines have passed, by 49 to 999 ms: within the second the
		// cache
		// waits past a deadline; the other 20 are to come
		this.clock.advance(Duration.ofSeconds(89).minusMillis(1));
		repository.cleanUpExpiredSessions();
		assertThat(this.expired).containsExactlyInAnyOrderElementsOf(ids.subList(0, 20));
		assertThat(store.estimatedSize()).isEqualTo(20);
		assertThat(ids.subList(20, 40)).allSatisfy((id) -> assertThat(repository.findById(id)).isNotNull());
	}

	@Test
	void maximumSessionsIsHeldAndEvictedSessionsAreReportedAsExpired() {
		CaffeineSessionStore store = CaffeineSessionStore.builder()
			.maximumSessions(100)
			.executor(Runnable::run)
			.build();
		SessionKitRepository repository = repository(store);
		List<KitSession> sessions = new java.util.ArrayList<>();
		for (int i = 0; i < 300; i++) {
			KitSession session = repository.createSession();
			repository.save(session);
			sessions.add(session);
		}
		repository.cleanUpExpiredSessions();
		assertThat(store.estimatedSize()).isEqualTo(100);
		assertThat(this.expired).hasSize(200);
		long live = sessions.stream().filter((session) -> repository.findById(session.getId()) != null).count();
		assertThat(live).isEqualTo(100);
	}

}
