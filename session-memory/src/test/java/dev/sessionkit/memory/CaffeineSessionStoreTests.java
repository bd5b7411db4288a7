package dev.sessionkit.memory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.events.SessionExpiredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What only the memory store promises: abandoned sessions are freed by themselves, and
 * the optional maximum holds.
 */
class CaffeineSessionStoreTests {

	private final Set<String> expired = ConcurrentHashMap.newKeySet();

	private SessionKitRepository repository(CaffeineSessionStore store) {
		SessionKitRepository repository = new SessionKitRepository(store, AttributeCodec.json());
		repository.setApplicationEventPublisher((event) -> {
			if (event instanceof SessionExpiredEvent expiredEvent) {
				this.expired.add(expiredEvent.getSessionId());
			}
		});
		return repository;
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
