package dev.sessionkit.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.testkit.MutableClock;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The near cache: an instance that holds a session's current content loads it without its
 * attributes, and never uses a copy that another instance (or an older SessionKit)
 * changed since.
 */
class NearCacheIT {

	private static final Pattern HGETALL_CALLS = Pattern.compile("cmdstat_hgetall:calls=(\\d+)");

	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	private static RedisServer server;

	private static RedissonClient clientA;

	private static RedissonClient clientB;

	private SessionKitRepository a;

	private SessionKitRepository b;

	@BeforeAll
	static void startRedis() {
		server = RedisServer.start();
		clientA = RedisFixture.client(server);
		clientB = RedisFixture.client(server);
	}

	@AfterAll
	static void stopRedis() {
		clientA.shutdown();
		clientB.shutdown();
		server.close();
	}

	/** Two instances, each with its own client and an empty near cache. */
	@BeforeEach
	void startInstances() {
		server.command("FLUSHALL");
		this.a = instance(RedissonSessionStore.builder(clientA));
		this.b = instance(RedissonSessionStore.builder(clientB));
	}

	private SessionKitRepository instance(RedissonSessionStore.Builder store) {
		SessionKitRepository repository = new SessionKitRepository(store.keyPrefix("sessionkit:shop:").build(),
				AttributeCodec.json());
		repository.setClock(this.clock);
		return repository;
	}

	private long attributeReads() {
		Matcher matcher = HGETALL_CALLS.matcher(String.valueOf(server.command("INFO", "commandstats")));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private String created(SessionKitRepository repository) {
		KitSession session = repository.createSession();
		session.setAttribute("form", Map.of("income", 120_000L));
		session.setAttribute("chat", List.of("hello", "how much can I borrow?"));
		repository.save(session);
		return session.getId();
	}

	@Test
	void anUnchangedSessionIsLoadedWithoutItsAttributesAndStillTouched() {
		String id = created(this.a);
		this.a.findById(id);
		long before = attributeReads();
		this.clock.advance(Duration.ofMinutes(10));
		KitSession session = this.a.findById(id);
		assertThat(attributeReads()).isEqualTo(before);
		assertThat(session.<List<String>>getAttribute("chat")).containsExactly("hello", "how much can I borrow?");
		assertThat(session.<Map<String, Long>>getAttribute("form")).containsEntry("income", 120_000L);
		assertThat(session.getLastAccessedTime()).isEqualTo(this.clock.instant());
		assertThat(this.b.findById(id).getLastAccessedTime()).isEqualTo(this.clock.instant());
	}

	@Test
	void aSessionCreatedHereIsHeldFromItsCreation() {
		String id = created(this.a);
		long before = attributeReads();
		assertThat(this.a.findById(id).<List<String>>getAttribute("chat")).hasSize(2);
		assertThat(attributeReads()).isEqualTo(before);
	}

	@Test
	void aCopyThatAnotherInstanceChangedIsNotUsed() {
		String id = created(this.a);
		this.a.findById(id);
		KitSession onB = this.b.findById(id);
		onB.setAttribute("chat", List.of("changed on b"));
		onB.removeAttribute("form");
		this.b.save(onB);
		KitSession onA = this.a.findById(id);
		assertThat(onA.<List<String>>getAttribute("chat")).containsExactly("changed on b");
		assertThat(onA.getAttributeNames()).containsExactly("chat");
	}

	@Test
	void aMaxInactiveIntervalThatAnotherInstanceChangedIsSeen() {
		String id = created(this.a);
		this.a.findById(id);
		KitSession onB = this.b.findById(id);
		onB.setMaxInactiveInterval(Duration.ofHours(8));
		this.b.save(onB);
		assertThat(this.a.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void aSessionThatAnotherInstanceDeletedIsGone() {
		String id = created(this.a);
		this.a.findById(id);
		this.b.deleteById(id);
		assertThat(this.a.findById(id)).isNull();
	}

	@Test
	void writesOfTwoCopiesOnOneInstanceBothShowInItsHeldCopy() {
		String id = created(this.a);
		KitSession first = this.a.findById(id);
		KitSession second = this.a.findById(id);
		first.setAttribute("step", 2);
		second.setAttribute("advisor", "Ada");
		this.a.save(first);
		this.a.save(second);
		long before = attributeReads();
		KitSession held = this.a.findById(id);
		assertThat(attributeReads()).isEqualTo(before);
		assertThat(held.getAttributeNames()).containsExactlyInAnyOrder("form", "chat", "step", "advisor");
		assertThat(held.getAttributeNames()).isEqualTo(this.b.findById(id).getAttributeNames());
	}

	@Test
	void aWriteThatInterleavesWithAnotherInstancesIsNotAppliedToTheHeldCopy() {
		String id = created(this.a);
		KitSession onA = this.a.findById(id);
		KitSession onB = this.b.findById(id);
		onB.setAttribute("advisor", "Ada");
		this.b.save(onB);
		onA.setAttribute("step", 2);
		this.a.save(onA);
		assertThat(this.a.findById(id).getAttributeNames()).containsExactlyInAnyOrder("form", "chat", "advisor",
				"step");
	}

	@Test
	void metaWrittenWithoutAVersionIsReadAndVersionedByTheNextWrite() {
		String id = created(this.a);
		String key = "sessionkit:shop:sessions:{" + id + "}";
		String meta = String.valueOf(server.command("HGET", key, "meta"));
		assertThat(meta.split(" ")).hasSize(4);
		String unversioned = meta.substring(0, meta.lastIndexOf(' '));
		server.command("HSET", key, "meta", unversioned, "attr:step", "7");
		KitSession session = this.a.findById(id);
		assertThat(session.<Integer>getAttribute("step")).isEqualTo(7);
		session.setAttribute("step", 8);
		this.a.save(session);
		assertThat(String.valueOf(server.command("HGET", key, "meta")).split(" ")).hasSize(4);
		assertThat(this.b.findById(id).<Integer>getAttribute("step")).isEqualTo(8);
		assertThat(this.a.findById(id).<Integer>getAttribute("step")).isEqualTo(8);
	}

	@Test
	void valuesSavedHereComeBackWithTheTemplatesTheRepositoryGaveThem() {
		RedissonSessionStore store = RedissonSessionStore.builder(clientA).keyPrefix("sessionkit:shop:").build();
		assertThat(store.keepsSavedValues()).isTrue();
		assertThat(RedissonSessionStore.builder(clientA).nearCacheSize(0).build().keepsSavedValues()).isFalse();
		SessionKitRepository repository = new SessionKitRepository(store, AttributeCodec.json());
		repository.setClock(this.clock);
		KitSession session = repository.createSession();
		session.setAttribute("chat", new ArrayList<>(List.of("hello", "how much can I borrow?")));
		repository.save(session);
		AttributeValue held = store.loadAndTouch(session.getId(), this.clock.instant()).attributes().get("chat");
		assertThat(held.hasHeapForm()).isTrue();
		// what Redis holds is the JSON alone: another instance decodes it
		AttributeValue fromRedis = RedissonSessionStore.builder(clientB)
			.keyPrefix("sessionkit:shop:")
			.build()
			.loadAndTouch(session.getId(), this.clock.instant())
			.attributes()
			.get("chat");
		assertThat(fromRedis.hasHeapForm()).isFalse();
		assertThat(fromRedis.encoded()).isEqualTo(held.encoded());
	}

	@Test
	void sizeZeroTurnsItOff() {
		SessionKitRepository uncached = instance(RedissonSessionStore.builder(clientA).nearCacheSize(0));
		String id = created(uncached);
		long before = attributeReads();
		uncached.findById(id);
		uncached.findById(id);
		assertThat(attributeReads()).isEqualTo(before + 2);
	}

	@Test
	void aNegativeSizeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedissonSessionStore.builder(clientA).nearCacheSize(-1))
			.withMessageContaining("nearCacheSize");
	}

}
