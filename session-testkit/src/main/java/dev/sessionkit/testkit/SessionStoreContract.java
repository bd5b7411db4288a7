package dev.sessionkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SecureSessionIdGenerator;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.SessionTooLargeException;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.core.spi.SaveResult;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ApplicationEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.FlushMode;
import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.session.events.SessionDestroyedEvent;
import org.springframework.session.events.SessionExpiredEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The contract every SessionKit store passes, written from Spring Session's own test
 * scenarios plus SessionKit's stricter rules. A backend subclasses it, supplies a fresh
 * store for each test, and says how to check that a store holds nothing; after each test
 * the kit lets every session expire, deletes the ones that never expire, and checks that
 * nothing is left behind: no session, no index entry.
 * <p>
 * Time is a {@link MutableClock}: stores must take "now" from the operations they are
 * given (or from the clock passed to {@link #createStore}), never from the system clock.
 */
public abstract class SessionStoreContract {

	/**
	 * Where the clock starts: the real time when the kit is loaded, so that a store whose
	 * server keeps its own clock (Redis key expiry) sees deadlines in its future.
	 */
	protected static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private static final Duration DEFAULT_INTERVAL = Duration
		.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS);

	/** The test's clock. */
	protected final MutableClock clock = new MutableClock(START);

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	private final Set<String> generatedIds = ConcurrentHashMap.newKeySet();

	private SessionStore store;

	private CountingSessionStore counting;

	private SessionKitRepository repository;

	/**
	 * Creates an empty store for one test.
	 * @param clock the test's clock
	 * @return the store
	 */
	protected abstract SessionStore createStore(Clock clock);

	/**
	 * Asserts that the store holds no session and no index entry: called after every
	 * session of a test has expired or been deleted.
	 * @param store the store of the test
	 */
	protected abstract void assertNothingStored(SessionStore store);

	@BeforeEach
	void setUpStore() {
		this.store = createStore(this.clock);
		this.counting = new CountingSessionStore(this.store);
		this.repository = repository(FlushMode.ON_SAVE, SaveMode.ON_SET_ATTRIBUTE);
	}

	@AfterEach
	void leavesNothingBehind() {
		this.clock.advance(Duration.ofDays(3650));
		this.repository.cleanUpExpiredSessions();
		this.generatedIds.forEach(this.repository::deleteById);
		assertNothingStored(this.store);
	}

	/**
	 * A repository over the test's store; several may share it, as application instances
	 * do.
	 */
	private SessionKitRepository repository(FlushMode flushMode, SaveMode saveMode) {
		SessionKitRepository repository = new SessionKitRepository(this.counting,
				AttributeCodec.json(List.of("dev.sessionkit.testkit"), getClass().getClassLoader()));
		repository.setClock(this.clock);
		repository.setFlushMode(flushMode);
		repository.setSaveMode(saveMode);
		repository.setApplicationEventPublisher((event) -> this.events.add((ApplicationEvent) event));
		repository.setSessionIdGenerator(() -> {
			String id = SecureSessionIdGenerator.getInstance().generate();
			this.generatedIds.add(id);
			return id;
		});
		return repository;
	}

	private KitSession saved(Map<String, Object> attributes) {
		KitSession session = this.repository.createSession();
		attributes.forEach(session::setAttribute);
		this.repository.save(session);
		return session;
	}

	private KitSession find(String id) {
		KitSession found = this.repository.findById(id);
		assertThat(found).as("session %s", id).isNotNull();
		return found;
	}

	/** Runs the tasks on threads of their own, released together, and waits for all. */
	private static void runAtOnce(List<Runnable> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (Runnable task : tasks) {
				done.add(pool.submit(() -> {
					start.await();
					task.run();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private <E extends ApplicationEvent> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static SecurityContextImpl securityContext(String user) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

	/* ---------------- create, save, find ---------------- */

	@Test
	void createdSessionHasTheDefaultMaxInactiveInterval() {
		assertThat(this.repository.createSession().getMaxInactiveInterval()).isEqualTo(DEFAULT_INTERVAL);
		this.repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(5));
		assertThat(this.repository.createSession().getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void idsComeFromTheConfiguredGeneratorAndAreUnguessable() {
		KitSession session = this.repository.createSession();
		String original = session.getId();
		assertThat(this.generatedIds).contains(original);
		assertThat(original).matches("[A-Za-z0-9_-]{32}");
		String changed = session.changeSessionId();
		assertThat(changed).isNotEqualTo(original).isEqualTo(session.getId());
		assertThat(this.generatedIds).contains(changed);
		Set<String> many = new java.util.HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			many.add(SecureSessionIdGenerator.getInstance().generate());
		}
		assertThat(many).hasSize(10_000);
	}

	@Test
	void savedSessionIsFoundWithItsIdAttributesCreationTimeAndInterval() {
		KitSession session = this.repository.createSession();
		session.setAttribute("income", 120_000L);
		session.setAttribute("applicant", new Applicant("Ada", 31, List.of("form")));
		session.setMaxInactiveInterval(Duration.ofMinutes(10));
		this.repository.save(session);
		KitSession found = find(session.getId());
		assertThat(found.getId()).isEqualTo(session.getId());
		assertThat(found.getCreationTime()).isEqualTo(START);
		assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(10));
		assertThat(found.<Long>getAttribute("income")).isEqualTo(120_000L);
		assertThat(found.<Applicant>getAttribute("applicant")).isEqualTo(new Applicant("Ada", 31, List.of("form")));
		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("income", "applicant");
	}

	@Test
	void sessionWithoutAttributesIsFound() {
		KitSession session = saved(Map.of());
		assertThat(find(session.getId()).getAttributeNames()).isEmpty();
	}

	@Test
	void unknownOrMalformedIdsFindNothing() {
		assertThat(this.repository.findById("no-such-session")).isNull();
		for (String malformed : List.of("", "{hash}tag", "a b", "x".repeat(129), "id\nSet-Cookie: x", "../../etc")) {
			assertThat(this.repository.findById(malformed)).as(malformed).isNull();
		}
		assertThatNoException().isThrownBy(() -> this.repository.deleteById("{not}an:id"));
	}

	@Test
	void savingAnUnchangedSessionWritesNothing() {
		KitSession session = saved(Map.of("a", 1));
		int saves = this.counting.saves();
		KitSession found = find(session.getId());
		found.getAttribute("a");
		found.setLastAccessedTime(this.clock.instant());
		this.repository.save(found);
		this.repository.save(session);
		assertThat(this.counting.saves()).isEqualTo(saves);
	}

	@Test
	void findingASessionCostsOneStoreOperationAndTouchesIt() {
		KitSession session = saved(Map.of("a", 1));
		int loads = this.counting.loads();
		this.clock.advance(Duration.ofMinutes(20));
		find(session.getId());
		assertThat(this.counting.loads()).isEqualTo(loads + 1);
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.repository.findById(session.getId())).as("touched 20 minutes ago, alive").isNotNull();
	}

	@Test
	void savingTwiceIsIdempotent() {
		KitSession session = saved(Map.of("a", 1));
		session.setAttribute("b", 2);
		this.repository.save(session);
		this.repository.save(session);
		KitSession found = find(session.getId());
		assertThat(found.<Integer>getAttribute("a")).isEqualTo(1);
		assertThat(found.<Integer>getAttribute("b")).isEqualTo(2);
	}

	@Test
	void immediateFlushWritesEachChangeAsItIsMade() {
		SessionKitRepository immediate = repository(FlushMode.IMMEDIATE, SaveMode.ON_SET_ATTRIBUTE);
		KitSession session = immediate.createSession();
		assertThat(immediate.findById(session.getId())).as("found before save").isNotNull();
		session.setAttribute("a", 1);
		assertThat(find(session.getId()).<Integer>getAttribute("a")).isEqualTo(1);
		session.removeAttribute("a");
		assertThat(find(session.getId()).getAttributeNames()).isEmpty();
		session.setMaxInactiveInterval(Duration.ofMinutes(3));
		assertThat(find(session.getId()).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(3));
	}

	@Test
	void onSaveFlushWritesNothingBeforeSave() {
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		assertThat(this.repository.findById(session.getId())).isNull();
		KitSession stored = saved(Map.of("a", 1));
		stored.setAttribute("a", 2);
		assertThat(find(stored.getId()).<Integer>getAttribute("a")).isEqualTo(1);
	}

	/* ---------------- attributes and deltas ---------------- */

	@Test
	void addingAnAttributeKeepsTheOthers() {
		KitSession session = saved(Map.of("a", 1));
		KitSession copy = find(session.getId());
		copy.setAttribute("b", 2);
		this.repository.save(copy);
		assertThat(find(session.getId()).getAttributeNames()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void removedAttributeIsGoneAfterReload() {
		KitSession session = saved(Map.of("a", 1, "b", 2));
		KitSession copy = find(session.getId());
		copy.removeAttribute("a");
		this.repository.save(copy);
		assertThat(find(session.getId()).getAttributeNames()).containsExactly("b");
	}

	@Test
	void finalStateOfOneRequestIsSaved() {
		KitSession session = saved(Map.of("modified", 1, "removed", 1, "readded", 1));
		KitSession copy = find(session.getId());
		copy.setAttribute("added", 1);
		copy.setAttribute("added", 2);
		copy.setAttribute("addedThenRemoved", 1);
		copy.removeAttribute("addedThenRemoved");
		copy.setAttribute("modified", 2);
		copy.removeAttribute("modified");
		copy.removeAttribute("readded");
		copy.setAttribute("readded", 3);
		copy.removeAttribute("removed");
		this.repository.save(copy);
		KitSession found = find(session.getId());
		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("added", "readded");
		assertThat(found.<Integer>getAttribute("added")).isEqualTo(2);
		assertThat(found.<Integer>getAttribute("readded")).isEqualTo(3);
	}

	@Test
	void attributeNamesAreASnapshot() {
		KitSession session = saved(Map.of("a", 1, "b", 2, "c", 3));
		KitSession copy = find(session.getId());
		for (String name : copy.getAttributeNames()) {
			copy.removeAttribute(name);
		}
		this.repository.save(copy);
		assertThat(find(session.getId()).getAttributeNames()).isEmpty();
	}

	@Test
	void settingNullRemoves() {
		KitSession session = saved(Map.of("a", 1));
		KitSession copy = find(session.getId());
		copy.setAttribute("a", null);
		this.repository.save(copy);
		assertThat(find(session.getId()).<Object>getAttribute("a")).isNull();
	}

	@Test
	void requiredAndDefaultAttributes() {
		KitSession session = saved(Map.of("a", 1));
		KitSession found = find(session.getId());
		assertThat(found.<Integer>getRequiredAttribute("a")).isEqualTo(1);
		assertThat(found.getAttributeOrDefault("missing", 7)).isEqualTo(7);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> found.getRequiredAttribute("missing"));
	}

	@ParameterizedTest
	@EnumSource(SaveMode.class)
	void saveModeDecidesWhichAttributesAreWritten(SaveMode saveMode) {
		SessionKitRepository repository = repository(FlushMode.ON_SAVE, saveMode);
		KitSession session = saved(Map.of("read", 1, "untouched", 1));
		KitSession slow = repository.findById(session.getId());
		KitSession fast = repository.findById(session.getId());
		slow.getAttribute("read");
		fast.setAttribute("read", 2);
		fast.setAttribute("untouched", 2);
		repository.save(fast);
		slow.setAttribute("own", 1);
		repository.save(slow);
		KitSession found = find(session.getId());
		assertThat(found.<Integer>getAttribute("own")).isEqualTo(1);
		assertThat(found.<Integer>getAttribute("read")).isEqualTo((saveMode == SaveMode.ON_SET_ATTRIBUTE) ? 2 : 1);
		assertThat(found.<Integer>getAttribute("untouched")).isEqualTo((saveMode == SaveMode.ALWAYS) ? 1 : 2);
	}

	@Test
	void concurrentUpdatesOfDifferentAttributesAllSurvive() throws Exception {
		KitSession session = saved(Map.of("shared", 0));
		int writers = 8;
		List<Runnable> saves = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			String name = "writer" + i;
			KitSession copy = find(session.getId());
			saves.add(() -> {
				copy.setAttribute(name, name);
				this.repository.save(copy);
			});
		}
		runAtOnce(saves);
		KitSession found = find(session.getId());
		assertThat(found.getAttributeNames()).hasSize(writers + 1);
		for (int i = 0; i < writers; i++) {
			assertThat(found.<String>getAttribute("writer" + i)).isEqualTo("writer" + i);
		}
	}

	@Test
	void largeAttributesRoundTrip() {
		String large = "x".repeat(512 * 1024);
		KitSession session = saved(Map.of("large", large));
		assertThat(find(session.getId()).<String>getAttribute("large")).isEqualTo(large);
	}

	@Test
	void valuesKeepTheirExactTypes() {
		KitSession session = saved(
				Map.of("long", 5L, "int", 5, "instant", START, "money", new java.math.BigDecimal("10.50"), "term",
						Term.LONG, "list", List.of(1L, 2L), "map", Map.of("nested", List.of(Map.of("n", 1L)))));
		KitSession found = find(session.getId());
		assertThat(found.<Object>getAttribute("long")).isInstanceOf(Long.class);
		assertThat(found.<Object>getAttribute("int")).isInstanceOf(Integer.class);
		assertThat(found.<Object>getAttribute("instant")).isEqualTo(START);
		assertThat(found.<Object>getAttribute("money")).isEqualTo(new java.math.BigDecimal("10.50"));
		assertThat(found.<Object>getAttribute("term")).isSameAs(Term.LONG);
		assertThat(found.<List<Object>>getAttribute("list")).containsExactly(1L, 2L);
		assertThat(found.<Object>getAttribute("map")).isEqualTo(Map.of("nested", List.of(Map.of("n", 1L))));
	}

	@Test
	void everyReaderGetsItsOwnCopyOfWhatWasSaved() {
		List<String> mine = new ArrayList<>(List.of("saved"));
		KitSession session = saved(Map.of("list", mine));
		mine.add("changed after the save");
		List<String> read = find(session.getId()).getAttribute("list");
		assertThat(read).containsExactly("saved");
		read.add("changed by a reader");
		assertThat(find(session.getId()).<List<String>>getAttribute("list")).containsExactly("saved");
	}

	@Test
	void sessionOverTheMaximumSizeIsNotSavedAndTheStoredOneStays() {
		this.repository.setMaxSessionSize(10_000);
		KitSession session = saved(Map.of("a", "small"));
		KitSession copy = find(session.getId());
		copy.setAttribute("b", "y".repeat(20_000));
		copy.setAttribute("a", "changed");
		assertThatExceptionOfType(SessionTooLargeException.class).isThrownBy(() -> this.repository.save(copy))
			.withMessageContaining("'b'")
			.withMessageContaining("10000");
		KitSession found = find(session.getId());
		assertThat(found.<String>getAttribute("a")).isEqualTo("small");
		assertThat(found.getAttributeNames()).containsExactly("a");
	}

	/* ---------------- undecodable attributes ---------------- */

	@Test
	void corruptOrUnknownAttributeIsDroppedAndTheRestSurvives() {
		KitSession session = saved(Map.of("good", "kept"));
		assertThat(this.counting.save(new SessionChanges(session.getId(), session.getId(), false, START, null, null,
				Map.of("corrupt", AttributeValue.encoded("{\"@class\":"), "gone",
						AttributeValue.encoded("{\"@class\":\"dev.sessionkit.testkit.RemovedInLastRelease\",\"x\":1}"),
						"disallowed",
						AttributeValue.encoded("[\"java.lang.ProcessBuilder\",{\"command\":[\"true\"]}]")),
				Set.of(), false, null), this.clock.instant()))
			.isEqualTo(SaveResult.UPDATED);
		KitSession found = find(session.getId());
		assertThat(found.<Object>getAttribute("corrupt")).isNull();
		assertThat(found.<Object>getAttribute("gone")).isNull();
		assertThat(found.<Object>getAttribute("disallowed")).isNull();
		assertThat(found.getAttributeNames()).containsExactly("good");
		assertThat(found.<String>getAttribute("good")).isEqualTo("kept");
		found.setAttribute("more", 1);
		this.repository.save(found);
		assertThat(find(session.getId()).<Integer>getAttribute("more")).isEqualTo(1);
	}

	/* ---------------- expiry ---------------- */

	@Test
	void sessionLastAccessedLongerAgoThanItsIntervalIsNotFound() {
		KitSession session = this.repository.createSession();
		session.setLastAccessedTime(START.minus(DEFAULT_INTERVAL).minusSeconds(1));
		this.repository.save(session);
		assertThat(this.repository.findById(session.getId())).isNull();
	}

	@Test
	void expiryBoundaryIsExact() {
		KitSession justAlive = saved(Map.of());
		KitSession justExpired = saved(Map.of());
		this.clock.advance(DEFAULT_INTERVAL.minusMillis(1));
		assertThat(this.repository.findById(justAlive.getId())).as("1 ms before the deadline").isNotNull();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.repository.findById(justExpired.getId())).as("at the deadline").isNull();
	}

	@Test
	void expiredSessionFoundByIdIsRemovedAndReportedOnce() {
		KitSession session = saved(Map.of("a", 1));
		this.clock.advance(DEFAULT_INTERVAL);
		assertThat(this.repository.findById(session.getId())).isNull();
		this.repository.cleanUpExpiredSessions();
		assertThat(this.repository.findById(session.getId())).isNull();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(events(SessionExpiredEvent.class)).extracting(SessionDestroyedEvent::getSessionId)
						.containsExactly(session.getId()));
		assertThat(events(SessionExpiredEvent.class).get(0).<KitSession>getSession().<Integer>getAttribute("a"))
			.isEqualTo(1);
		assertThat(events(SessionDeletedEvent.class)).isEmpty();
	}

	@Test
	void negativeIntervalNeverExpires() {
		KitSession session = this.repository.createSession();
		session.setMaxInactiveInterval(Duration.ofSeconds(-1));
		session.setAttribute("a", 1);
		this.repository.save(session);
		this.clock.advance(Duration.ofDays(365 * 100));
		this.repository.cleanUpExpiredSessions();
		assertThat(find(session.getId()).<Integer>getAttribute("a")).isEqualTo(1);
		assertThat(find(session.getId()).isExpired()).isFalse();
	}

	@Test
	void lastAccessedTimeSetByTheApplicationIsPersisted() {
		KitSession session = saved(Map.of());
		KitSession copy = find(session.getId());
		copy.setLastAccessedTime(this.clock.instant().minus(Duration.ofMinutes(29)));
		this.repository.save(copy);
		this.clock.advance(Duration.ofMinutes(1).minusMillis(1));
		assertThat(this.repository.findById(session.getId())).as("1 ms before the moved deadline").isNotNull();
		KitSession second = saved(Map.of());
		KitSession secondCopy = find(second.getId());
		secondCopy.setLastAccessedTime(this.clock.instant().minus(Duration.ofMinutes(29)));
		this.repository.save(secondCopy);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.repository.findById(second.getId())).as("at the moved deadline").isNull();
	}

	@Test
	void changedIntervalMovesTheDeadline() {
		KitSession session = saved(Map.of());
		KitSession copy = find(session.getId());
		copy.setMaxInactiveInterval(Duration.ofMinutes(1));
		this.repository.save(copy);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.repository.findById(session.getId())).isNull();
	}

	@Test
	void cleanUpRemovesExpiredSessionsByDefaultAndOwnIntervalAndReportsEachOnce() {
		KitSession byDefault = saved(Map.of());
		KitSession shortLived = this.repository.createSession();
		shortLived.setMaxInactiveInterval(Duration.ofMinutes(1));
		this.repository.save(shortLived);
		KitSession alive = saved(Map.of());
		this.clock.advance(Duration.ofMinutes(1));
		this.repository.cleanUpExpiredSessions();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(events(SessionExpiredEvent.class)).extracting(SessionDestroyedEvent::getSessionId)
						.containsExactly(shortLived.getId()));
		find(alive.getId());
		this.clock.advance(DEFAULT_INTERVAL);
		this.repository.cleanUpExpiredSessions();
		this.repository.cleanUpExpiredSessions();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(events(SessionExpiredEvent.class)).extracting(SessionDestroyedEvent::getSessionId)
						.containsExactlyInAnyOrder(shortLived.getId(), byDefault.getId(), alive.getId()));
	}

	/* ---------------- delete ---------------- */

	@Test
	void deletedSessionIsNotFoundAndDeletingTwiceIsHarmless() {
		KitSession session = saved(Map.of("a", 1));
		this.repository.deleteById(session.getId());
		assertThat(this.repository.findById(session.getId())).isNull();
		this.repository.deleteById(session.getId());
		this.repository.deleteById("never-existed");
		assertThat(events(SessionDeletedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.<KitSession>getSession().<Integer>getAttribute("a")).isEqualTo(1));
	}

	@Test
	void savingADeletedSessionDoesNotBringItBack() {
		KitSession session = saved(Map.of("a", 1));
		KitSession copy = find(session.getId());
		this.repository.deleteById(session.getId());
		copy.setAttribute("b", 2);
		assertThatNoException().isThrownBy(() -> this.repository.save(copy));
		assertThat(this.repository.findById(session.getId())).isNull();
		copy.setAttribute("c", 3);
		this.repository.save(copy);
		assertThat(this.repository.findById(session.getId())).isNull();
	}

	@Test
	void savingAnExpiredSessionDoesNotBringItBack() {
		KitSession session = saved(Map.of("a", 1));
		KitSession copy = find(session.getId());
		this.clock.advance(DEFAULT_INTERVAL);
		copy.setAttribute("b", 2);
		this.repository.save(copy);
		assertThat(this.repository.findById(session.getId())).isNull();
	}

	/* ---------------- changeSessionId ---------------- */

	@Test
	void changedIdFindsTheSessionAndTheOldIdDoesNot() {
		KitSession session = saved(Map.of("a", 1));
		String original = session.getId();
		KitSession copy = find(original);
		String changed = copy.changeSessionId();
		copy.setAttribute("b", 2);
		this.repository.save(copy);
		assertThat(changed).isNotEqualTo(original);
		assertThat(this.repository.findById(original)).isNull();
		KitSession found = find(changed);
		assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("a", "b");
		assertThat(found.getCreationTime()).isEqualTo(START);
		assertThat(events(SessionDeletedEvent.class)).as("a moved session is not deleted").isEmpty();
	}

	@Test
	void changingTheIdTwiceBeforeSavingLeavesOnlyTheLastId() {
		KitSession session = saved(Map.of("a", 1));
		String first = session.getId();
		String second = session.changeSessionId();
		String third = session.changeSessionId();
		this.repository.save(session);
		this.repository.save(session);
		assertThat(this.repository.findById(first)).isNull();
		assertThat(this.repository.findById(second)).isNull();
		assertThat(find(third).<Integer>getAttribute("a")).isEqualTo(1);
		String fourth = session.changeSessionId();
		this.repository.save(session);
		assertThat(this.repository.findById(third)).isNull();
		assertThat(find(fourth).<Integer>getAttribute("a")).isEqualTo(1);
	}

	@Test
	void changingTheIdOfANewSessionNeverStoresTheFirstId() {
		KitSession session = this.repository.createSession();
		String first = session.getId();
		String changed = session.changeSessionId();
		session.setAttribute("a", 1);
		this.repository.save(session);
		assertThat(this.repository.findById(first)).isNull();
		assertThat(find(changed).<Integer>getAttribute("a")).isEqualTo(1);
		assertThat(events(SessionCreatedEvent.class)).extracting(SessionCreatedEvent::getSessionId)
			.containsExactly(changed);
	}

	@Test
	void changingTheIdOfADeletedSessionStoresNeitherId() {
		KitSession session = saved(Map.of("a", 1));
		String original = session.getId();
		KitSession copy = find(original);
		this.repository.deleteById(original);
		String changed = copy.changeSessionId();
		assertThatNoException().isThrownBy(() -> this.repository.save(copy));
		assertThat(this.repository.findById(original)).isNull();
		assertThat(this.repository.findById(changed)).isNull();
	}

	@Test
	void concurrentIdChangesLeaveOneLiveId() throws Exception {
		KitSession session = saved(Map.of("a", 1));
		String original = session.getId();
		int racers = 6;
		List<KitSession> copies = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			KitSession copy = find(original);
			copy.changeSessionId();
			copies.add(copy);
		}
		runAtOnce(copies.stream().<Runnable>map((copy) -> () -> this.repository.save(copy)).toList());
		assertThat(this.repository.findById(original)).isNull();
		assertThat(copies.stream().filter((copy) -> this.repository.findById(copy.getId()) != null)).hasSize(1);
	}

	@Test
	void staleCopySavedAfterAnIdChangeDoesNotBringBackTheOldId() {
		KitSession session = saved(Map.of("a", 1));
		String original = session.getId();
		KitSession stale = find(original);
		KitSession login = find(original);
		String changed = login.changeSessionId();
		this.repository.save(login);
		stale.setAttribute("b", 2);
		this.repository.save(stale);
		assertThat(this.repository.findById(original)).isNull();
		assertThat(find(changed).getAttributeNames()).containsExactly("a");
	}

	/* ---------------- principal index ---------------- */

	private Set<String> idsOf(String principal) {
		return this.repository.findByPrincipalName(principal).keySet();
	}

	@Test
	void sessionIsFoundByItsPrincipalNameAttribute() {
		KitSession session = saved(Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada"));
		assertThat(idsOf("ada")).containsExactly(session.getId());
		assertThat(this.repository.findByPrincipalName("ada").get(session.getId()).getAttributeNames())
			.contains(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
		assertThat(idsOf("bob")).isEmpty();
	}

	@Test
	void sessionIsFoundByItsSecurityContext() {
		KitSession session = saved(Map.of("SPRING_SECURITY_CONTEXT", securityContext("ada")));
		assertThat(idsOf("ada")).containsExactly(session.getId());
		SecurityContextImpl context = find(session.getId()).getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context.getAuthentication().getName()).isEqualTo("ada");
		assertThat(context.getAuthentication().isAuthenticated()).isTrue();
	}

	@Test
	void unchangedPrincipalKeepsItsIndexAcrossReloads() {
		KitSession session = saved(Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada"));
		KitSession copy = find(session.getId());
		copy.setAttribute("other", 1);
		this.repository.save(copy);
		KitSession again = find(session.getId());
		again.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada");
		this.repository.save(again);
		assertThat(idsOf("ada")).containsExactly(session.getId());
	}

	@Test
	void changedPrincipalMovesTheIndexAndRemovedPrincipalLeavesIt() {
		KitSession session = saved(Map.of("SPRING_SECURITY_CONTEXT", securityContext("ada")));
		KitSession copy = find(session.getId());
		copy.setAttribute("SPRING_SECURITY_CONTEXT", securityContext("bob"));
		this.repository.save(copy);
		assertThat(idsOf("ada")).isEmpty();
		assertThat(idsOf("bob")).containsExactly(session.getId());
		KitSession logout = find(session.getId());
		logout.removeAttribute("SPRING_SECURITY_CONTEXT");
		this.repository.save(logout);
		assertThat(idsOf("bob")).isEmpty();
	}

	@Test
	void deletedOrExpiredSessionsLeaveTheIndex() {
		KitSession deleted = saved(Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada"));
		KitSession expiring = saved(Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada"));
		assertThat(idsOf("ada")).containsExactlyInAnyOrder(deleted.getId(), expiring.getId());
		this.repository.deleteById(deleted.getId());
		assertThat(idsOf("ada")).containsExactly(expiring.getId());
		this.clock.advance(DEFAULT_INTERVAL);
		assertThat(idsOf("ada")).as("expired sessions are not found even before clean-up").isEmpty();
		this.repository.cleanUpExpiredSessions();
		assertThat(idsOf("ada")).isEmpty();
	}

	@Test
	void deletedOrExpiredLoggedInSessionsLeaveNothingWithoutAnyLookup() {
		KitSession deleted = saved(Map.of("SPRING_SECURITY_CONTEXT", securityContext("ada")));
		KitSession expired = saved(Map.of("SPRING_SECURITY_CONTEXT", securityContext("bob")));
		KitSession moved = saved(Map.of("SPRING_SECURITY_CONTEXT", securityContext("eve")));
		moved.changeSessionId();
		this.repository.save(moved);
		this.repository.deleteById(deleted.getId());
		this.repository.deleteById(moved.getId());
		this.clock.advance(DEFAULT_INTERVAL);
		this.repository.cleanUpExpiredSessions();
		assertNothingStored(this.store);
		assertThat(events(SessionExpiredEvent.class)).extracting(SessionDestroyedEvent::getSessionId)
			.containsExactly(expired.getId());
	}

	@Test
	void changedIdMovesTheIndexAndNoPrincipalMakesNoIndex() {
		KitSession session = saved(Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada"));
		KitSession copy = find(session.getId());
		String changed = copy.changeSessionId();
		this.repository.save(copy);
		assertThat(idsOf("ada")).containsExactly(changed);
		KitSession anonymous = saved(Map.of("a", 1));
		anonymous.changeSessionId();
		this.repository.save(anonymous);
		assertThat(this.repository
			.findByIndexNameAndIndexValue(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "null"))
			.isEmpty();
	}

	@Test
	void onlyThePrincipalNameIndexIsSupported() {
		saved(Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada", "color", "red"));
		assertThat(this.repository.findByIndexNameAndIndexValue("color", "red")).isEmpty();
	}

	/* ---------------- events ---------------- */

	@Test
	void createdEventFiresOnceOnTheFirstSaveWithTheAttributes() {
		KitSession session = this.repository.createSession();
		session.setAttribute("a", 1);
		assertThat(events(SessionCreatedEvent.class)).isEmpty();
		this.repository.save(session);
		session.setAttribute("b", 2);
		this.repository.save(session);
		assertThat(events(SessionCreatedEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.getSessionId()).isEqualTo(session.getId());
			assertThat(event.<KitSession>getSession().<Integer>getAttribute("a")).isEqualTo(1);
		});
	}

	@Test
	void eachSessionGetsExactlyOneEndEvent() {
		KitSession deleted = saved(Map.of());
		KitSession expired = saved(Map.of());
		this.repository.deleteById(deleted.getId());
		this.clock.advance(DEFAULT_INTERVAL);
		this.repository.findById(expired.getId());
		this.repository.deleteById(expired.getId());
		this.repository.cleanUpExpiredSessions();
		this.repository.cleanUpExpiredSessions();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(events(SessionExpiredEvent.class)).extracting(SessionDestroyedEvent::getSessionId)
						.containsExactly(expired.getId()));
		assertThat(events(SessionDeletedEvent.class)).extracting(SessionDestroyedEvent::getSessionId)
			.containsExactly(deleted.getId());
	}

	/** A record, as applications store them. */
	public record Applicant(String name, int age, List<String> steps) {
	}

	/** An enum, as applications store them. */
	public enum Term {

		/** Short. */
		SHORT,
		/** Long. */
		LONG

	}

}
