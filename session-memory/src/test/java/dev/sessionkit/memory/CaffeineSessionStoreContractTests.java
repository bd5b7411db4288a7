package dev.sessionkit.memory;

import java.time.Clock;

import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.testkit.SessionStoreContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract kit on the Caffeine store, with maintenance and listeners on the calling
 * thread so that every check is deterministic.
 */
class CaffeineSessionStoreContractTests extends SessionStoreContract {

	@Override
	protected SessionStore createStore(Clock clock) {
		return CaffeineSessionStore.builder().clock(clock).executor(Runnable::run).build();
	}

	@Override
	protected void assertNothingStored(SessionStore store) {
		CaffeineSessionStore caffeine = (CaffeineSessionStore) store;
		caffeine.removeExpired(clock.instant());
		assertThat(caffeine.estimatedSize()).as("sessions").isZero();
		assertThat(caffeine.principalIndex()).as("principal index").isEmpty();
	}

}
