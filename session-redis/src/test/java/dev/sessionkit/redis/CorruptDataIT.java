package dev.sessionkit.redis;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.session.FindByIndexNameSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys that are not what the store wrote, as an operator's mistake, another application
 * or a partial restore may leave them: the client gets a clean new session, never an
 * exception, and the unusable key is removed.
 */
class CorruptDataIT {

	private static RedisServer server;

	private static RedissonClient redisson;

	private static SessionKitRepository repository;

	@BeforeAll
	static void start() {
		server = RedisServer.start();
		redisson = RedisFixture.client(server);
		repository = new SessionKitRepository(RedissonSessionStore.builder(redisson).build(), AttributeCodec.json());
	}

	@AfterAll
	static void stop() {
		redisson.shutdown();
		server.close();
	}

	@Test
	void keyOfTheWrongTypeIsAnAbsentSession() {
		server.command("SET", "sessionkit:sessions:{wrongtype}", "not a hash");
		assertThat(repository.findById("wrongtype")).isNull();
		assertThat(server.command("EXISTS", "sessionkit:sessions:{wrongtype}")).isEqualTo(0L);
	}

	@Test
	void hashWithoutMetadataIsAnAbsentSession() {
		server.command("HSET", "sessionkit:sessions:{nometa}", "attr:x", "1");
		assertThat(repository.findById("nometa")).isNull();
		assertThat(server.command("EXISTS", "sessionkit:sessions:{nometa}")).isEqualTo(0L);
	}

	@Test
	void garbageMetadataIsAnAbsentSession() {
		server.command("HSET", "sessionkit:sessions:{garbage}", "meta", "yesterday now lots");
		assertThat(repository.findById("garbage")).isNull();
	}

	@Test
	void garbageInAnAttributeFieldDropsThatAttributeOnly() {
		KitSession session = repository.createSession();
		session.setAttribute("good", "kept");
		repository.save(session);
		server.command("HSET", "sessionkit:sessions:{" + session.getId() + "}", "attr:bad", "\u0000\u00ff{[");
		KitSession found = repository.findById(session.getId());
		assertThat(found.getAttributeNames()).containsExactly("good");
		assertThat(found.<String>getAttribute("good")).isEqualTo("kept");
	}

	@Test
	void indexEntriesOfSessionsRedisDroppedByItselfGoAtTheNextLogin() {
		KitSession old = repository.createSession();
		old.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada");
		repository.save(old);
		server.command("DEL", "sessionkit:sessions:{" + old.getId() + "}");
		KitSession login = repository.createSession();
		repository.save(login);
		KitSession loggedIn = repository.findById(login.getId());
		loggedIn.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada");
		repository.save(loggedIn);
		assertThat(server.command("SMEMBERS", "sessionkit:principals:ada")).asList().containsExactly(login.getId());
	}

	@Test
	void savingOverAKeyThatBecameCorruptDoesNotResurrectIt() {
		KitSession session = repository.createSession();
		repository.save(session);
		KitSession copy = repository.findById(session.getId());
		server.command("DEL", "sessionkit:sessions:{" + session.getId() + "}");
		server.command("SET", "sessionkit:sessions:{" + session.getId() + "}", "clobbered");
		copy.setAttribute("a", 1);
		repository.save(copy);
		assertThat(server.command("TYPE", "sessionkit:sessions:{" + session.getId() + "}")).isEqualTo("none");
	}

}
