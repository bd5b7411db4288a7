package dev.sessionkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.SessionStoreException;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The optional {@code WAITAOF} acknowledgement, on a server that has the command: Valkey
 * 8 (from Debian's bookworm-backports, which {@code .ci/run} installs), since the
 * machine's Redis is 7.0 and {@code WAITAOF} came with Redis 7.2. A save returns once the
 * append-only files of the primary and the replica have it, and fails loudly when the
 * replica is gone; a server that cannot acknowledge as asked is refused when the store
 * verifies its acknowledgements.
 */
class AofAcknowledgementIT {

	private static final String VALKEY = Objects.requireNonNullElse(System.getenv("VALKEY_SERVER"),
			"/usr/bin/valkey-server");

	@Test
	void savesWaitForTheAppendOnlyFilesAndFailWhenTheReplicaIsGone() {
		try (RedisServer primary = RedisServer.builder().binary(VALKEY).appendOnly("everysec").start();
				RedisServer replica = RedisServer.builder()
					.binary(VALKEY)
					.appendOnly("everysec")
					.option("--replicaof", "127.0.0.1 " + primary.port())
					.start()) {
			RedisFixture.awaitReplicaLink(replica);
			RedissonClient redisson = RedisFixture.client(primary);
			try {
				RedissonSessionStore store = RedissonSessionStore.builder(redisson)
					.waitForAof(true, 1, Duration.ofSeconds(2))
					.build();
				store.verifyAcknowledgements();
				SessionKitRepository repository = new SessionKitRepository(store, AttributeCodec.json());
				KitSession session = repository.createSession();
				session.setAttribute("step", 3);
				repository.save(session);
				assertThat(String.valueOf(primary.command("INFO", "commandstats"))).contains("cmdstat_waitaof:calls=");
				assertThat(appendOnlyFiles(primary)).contains(session.getId());
				assertThat(appendOnlyFiles(replica)).contains(session.getId());
				RedisFixture.assertSaveFailsOnceReplicaIsGone(repository, session.getId(), replica);
			}
			finally {
				redisson.shutdown();
			}
		}
	}

	@Test
	void aServerWithoutAnAppendOnlyFileIsRefusedAtVerification() {
		try (RedisServer server = RedisServer.builder().binary(VALKEY).start()) {
			RedissonClient redisson = RedisFixture.client(server);
			try {
				RedissonSessionStore store = RedissonSessionStore.builder(redisson)
					.waitForAof(true, 1, Duration.ofSeconds(1))
					.build();
				assertThatExceptionOfType(SessionStoreException.class).isThrownBy(store::verifyAcknowledgements)
					.withMessageContaining("appendonly no");
			}
			finally {
				redisson.shutdown();
			}
		}
	}

	@Test
	void waitingForThePrimarysFileAloneIsRefusedSinceRedissonWouldNotAsk() {
		try (RedisServer server = RedisServer.builder().binary(VALKEY).appendOnly("everysec").start()) {
			RedissonClient redisson = RedisFixture.client(server);
			try {
				assertThatIllegalArgumentException()
					.isThrownBy(() -> RedissonSessionStore.builder(redisson).waitForAof(true, 0, Duration.ofSeconds(1)))
					.withMessageContaining("appendfsync always");
			}
			finally {
				redisson.shutdown();
			}
		}
	}

	private static String appendOnlyFiles(RedisServer server) {
		try (Stream<Path> files = Files.walk(server.directory())) {
			StringBuilder contents = new StringBuilder();
			for (Path file : files.filter((path) -> path.toString().endsWith(".aof")).toList()) {
				contents.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			}
			return contents.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
