package dev.sessionkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.core.spi.SaveResult;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.SaveMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the repository hands a store: deltas only. The behaviour of stores themselves is
 * the contract kit's business.
 */
class SessionKitRepositoryTests {

	private final RecordingStore store = new RecordingStore();

	private final SessionKitRepository repository = new SessionKitRepository(this.store, AttributeCodec.json());

	private KitSession reloaded(KitSession session) {
		KitSession found = this.repository.findById(session.getId());
		assertThat(found).isNotNull();
		return found;
	}

	@Test
	void newSessionSendsEverything() {
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		this.repository.save(session);
		SessionChanges changes = this.store.last();
		assertThat(changes.create()).isTrue();
		assertThat(changes.setAttributes()).containsOnlyKeys("a");
		assertThat(changes.lastAccessedTime()).isNotNull();
		assertThat(changes.maxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void changedSessionSendsOnlyWhatChanged() {
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		session.setAttribute("b", 2);
		this.repository.save(session);
		KitSession copy = reloaded(session);
		copy.getAttribute("a");
		copy.setAttribute("b", 3);
		copy.removeAttribute("a");
		copy.setAttribute("c", "x");
		this.repository.save(copy);
		SessionChanges changes = this.store.last();
		assertThat(changes.create()).isFalse();
		assertThat(changes.setAttributes())
			.isEqualTo(Map.of("b", AttributeValue.encoded("3"), "c", AttributeValue.encoded("\"x\"")));
		assertThat(changes.removedAttributes()).containsExactly("a");
		assertThat(changes.maxInactiveInterval()).isNull();
		assertThat(changes.principalChanged()).isFalse();
	}

	@Test
	void oneChangedAttributeIsSentAloneWhetherSetOrRemoved() {
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		session.setAttribute("b", 2);
		this.repository.save(session);
		KitSession setOne = reloaded(session);
		setOne.setAttribute("b", 3);
		this.repository.save(setOne);
		assertThat(this.store.last().setAttributes()).isEqualTo(Map.of("b", AttributeValue.encoded("3")));
		assertThat(this.store.last().removedAttributes()).isEmpty();
		KitSession removeOne = reloaded(session);
		removeOne.removeAttribute("a");
		this.repository.save(removeOne);
		assertThat(this.store.last().setAttributes()).isEmpty();
		assertThat(this.store.last().removedAttributes()).containsExactly("a");
		KitSession found = reloaded(session);
		assertThat(found.getAttributeNames()).containsExactly("b");
		assertThat(found.<Integer>getAttribute("b")).isEqualTo(3);
	}

	@Test
	void readOnlyRequestSendsNothingAtSave() {
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		this.repository.save(session);
		int saves = this.store.saves.size();
		KitSession copy = reloaded(session);
		copy.getAttribute("a");
		copy.setLastAccessedTime(Instant.now());
		this.repository.save(copy);
		assertThat(this.store.saves).hasSize(saves);
	}

	@Test
	void lastAccessedTimeMovedByTheApplicationIsSent() {
		KitSession session = this.repository.createSession();
		this.repository.save(session);
		KitSession copy = reloaded(session);
		copy.setLastAccessedTime(copy.getLastAccessedTime().minus(Duration.ofMinutes(5)));
		this.repository.save(copy);
		assertThat(this.store.last().lastAccessedTime()).isEqualTo(copy.getLastAccessedTime());
		assertThat(this.store.last().setAttributes()).isEmpty();
	}

	@Test
	void alwaysSaveModeSendsEveryAttributeWithoutDecodingUnreadOnes() {
		this.repository.setSaveMode(SaveMode.ALWAYS);
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		session.setAttribute("b", List.of(1L));
		this.repository.save(session);
		this.store.sessions.put(session.getId(), this.store.sessions.get(session.getId())
			.apply(new SessionChanges(session.getId(), session.getId(), false, session.getCreationTime(), null, null,
					Map.of("b", AttributeValue.encoded("[\"java.util.ArrayList\",[[\"java.lang.Long\",1]]]")),
					java.util.Set.of(), false, null)));
		KitSession copy = reloaded(session);
		copy.setAttribute("c", 3);
		this.repository.save(copy);
		assertThat(this.store.last().setAttributes()).containsOnlyKeys("a", "b", "c");
		assertThat(this.store.last().setAttributes().get("b"))
			.isEqualTo(AttributeValue.encoded("[\"java.util.ArrayList\",[[\"java.lang.Long\",1]]]"));
	}

	@Test
	void principalIsResolvedWhenItsAttributeChanges() {
		KitSession session = this.repository.createSession();
		this.repository.save(session);
		KitSession copy = reloaded(session);
		copy.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada");
		this.repository.save(copy);
		assertThat(this.store.last().principalChanged()).isTrue();
		assertThat(this.store.last().principalName()).isEqualTo("ada");
		KitSession again = reloaded(session);
		again.setAttribute("other", 1);
		this.repository.save(again);
		assertThat(this.store.last().principalChanged()).isFalse();
		assertThat(this.store.last().principalName()).isEqualTo("ada");
	}

	@Test
	void goneSessionIsNotSavedAgain() {
		KitSession session = this.repository.createSession();
		this.repository.save(session);
		KitSession copy = reloaded(session);
		this.store.sessions.clear();
		copy.setAttribute("a", 1);
		this.repository.save(copy);
		int saves = this.store.saves.size();
		copy.setAttribute("b", 2);
		this.repository.save(copy);
		assertThat(this.store.saves).hasSize(saves);
	}

	@Test
	void withinARequestScopeASessionIsLoadedOnce() {
		KitSession session = this.repository.createSession();
		this.repository.save(session);
		try (SessionKitRepository.RequestScope scope = this.repository.openRequestScope()) {
			KitSession first = reloaded(session);
			assertThat(reloaded(session)).isSameAs(first);
			assertThat(this.store.loads).isEqualTo(1);
			try (SessionKitRepository.RequestScope nested = this.repository.openRequestScope()) {
				assertThat(reloaded(session)).isSameAs(first);
			}
			assertThat(reloaded(session)).as("still in the outer scope").isSameAs(first);
			String oldId = first.getId();
			first.changeSessionId();
			this.repository.save(first);
			assertThat(this.repository.findById(oldId)).as("the old id is not answered from memory").isNull();
			this.repository.deleteById(first.getId());
			assertThat(this.repository.findById(first.getId())).as("a deleted session is not answered").isNull();
		}
		KitSession again = this.repository.createSession();
		this.repository.save(again);
		int loads = this.store.loads;
		reloaded(again);
		reloaded(again);
		assertThat(this.store.loads).as("outside a scope every lookup loads").isEqualTo(loads + 2);
	}

	@Test
	void eachRequestScopeStartsEmptyHoldsEverySessionItFindsAndStaysOnItsThread() throws Exception {
		KitSession a = this.repository.createSession();
		this.repository.save(a);
		KitSession b = this.repository.createSession();
		this.repository.save(b);
		KitSession firstA;
		try (SessionKitRepository.RequestScope scope = this.repository.openRequestScope()) {
			firstA = reloaded(a);
			KitSession firstB = reloaded(b);
			assertThat(reloaded(a)).isSameAs(firstA);
			assertThat(reloaded(b)).isSameAs(firstB);
			assertThat(this.store.loads).as("two sessions, each loaded once").isEqualTo(2);
			KitSession[] elsewhere = new KitSession[1];
			Thread other = new Thread(() -> elsewhere[0] = this.repository.findById(a.getId()));
			other.start();
			other.join();
			assertThat(elsewhere[0]).as("another thread has no scope").isNotNull().isNotSameAs(firstA);
			assertThat(this.store.loads).isEqualTo(3);
		}
		try (SessionKitRepository.RequestScope scope = this.repository.openRequestScope()) {
			assertThat(reloaded(a)).as("the next request on this thread gets a copy of its own").isNotSameAs(firstA);
			assertThat(this.store.loads).isEqualTo(4);
		}
	}

	@Test
	void idGeneratorMustMakeWellFormedIds() {
		this.repository.setSessionIdGenerator(() -> "{tag}");
		assertThatIllegalStateException().isThrownBy(this.repository::createSession).withMessageContaining("URL-safe");
	}

	@Test
	void wellFormedIdsAreShortAndUrlSafe() {
		assertThat(SessionIds.isWellFormed("aZ09-_.~")).isTrue();
		assertThat(SessionIds.isWellFormed("x".repeat(128))).isTrue();
		for (String bad : List.of("", "x".repeat(129), "{tag}", "a b", "a:b", "a/b", "é", "a\nb")) {
			assertThat(SessionIds.isWellFormed(bad)).as(bad).isFalse();
		}
	}

	@Test
	void maskedIdsShowOnlyAPrefix() {
		assertThat(SessionIds.mask("abcdefghijklmnop")).isEqualTo("abcd***").doesNotContain("efgh");
	}

	/** A store that records what it is sent and keeps sessions in a map. */
	static final class RecordingStore implements SessionStore {

		final List<SessionChanges> saves = new ArrayList<>();

		final Map<String, StoredSession> sessions = new HashMap<>();

		int loads;

		private final boolean heapValues;

		private final boolean keepsSavedValues;

		/** A store that gets every value encoded. */
		RecordingStore() {
			this(false);
		}

		/**
		 * @param heapValues whether the store accepts values in heap form
		 */
		RecordingStore(boolean heapValues) {
			this(heapValues, false);
		}

		private RecordingStore(boolean heapValues, boolean keepsSavedValues) {
			this.heapValues = heapValues;
			this.keepsSavedValues = keepsSavedValues;
		}

		/**
		 * A store that gets values encoded and says that it hands back what it saved, as
		 * its map does.
		 */
		static RecordingStore keepingSavedValues() {
			return new RecordingStore(false, true);
		}

		@Override
		public boolean acceptsHeapValues() {
			return this.heapValues;
		}

		@Override
		public boolean keepsSavedValues() {
			return this.keepsSavedValues;
		}

		SessionChanges last() {
			return this.saves.get(this.saves.size() - 1);
		}

		@Override
		public @Nullable StoredSession loadAndTouch(String id, Instant now) {
			this.loads++;
			StoredSession session = this.sessions.computeIfPresent(id, (key, stored) -> stored.touch(now));
			return session;
		}

		@Override
		public SaveResult save(SessionChanges changes, Instant now) {
			this.saves.add(changes);
			if (changes.create()) {
				this.sessions.put(changes.id(), StoredSession.create(changes));
				return SaveResult.CREATED;
			}
			StoredSession stored = this.sessions.remove(changes.storedId());
			if (stored == null) {
				return SaveResult.GONE;
			}
			this.sessions.put(changes.id(), stored.apply(changes));
			return SaveResult.UPDATED;
		}

		@Override
		public @Nullable StoredSession delete(String id, Instant now) {
			return this.sessions.remove(id);
		}

		@Override
		public List<StoredSession> findByPrincipalName(String principalName, Instant now) {
			return List.of();
		}

		@Override
		public void removeExpired(Instant now) {
		}

		@Override
		public void setExpirationListener(Consumer<StoredSession> listener) {
		}

	}

}
