package dev.sessionkit.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.redis.RedissonSessionStore;
import dev.sessionkit.testkit.redis.RedisCluster;
import dev.sessionkit.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.session.events.SessionExpiredEvent;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter on real Redis servers: every way of naming the server, the key layout, the
 * startup log lines, and the sweeper that reports expired sessions.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionKitRedisIT {

	private static RedisServer server;

	private static RedisServer protectedServer;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner(
			AnnotationConfigServletWebApplicationContext::new)
		.withConfiguration(AutoConfigurations.of(SessionKitAutoConfiguration.class, SessionAutoConfiguration.class));

	@BeforeAll
	static void startRedis() {
		server = RedisServer.start();
		protectedServer = RedisServer.builder().password("s3cr3t pass").start();
	}

	@AfterAll
	static void stopRedis() {
		server.close();
		protectedServer.close();
	}

	@BeforeEach
	void flush() {
		server.command("FLUSHALL");
		protectedServer.command("FLUSHALL");
	}

	private static String saveOne(SessionKitRepository repository) {
		KitSession session = repository.createSession();
		session.setAttribute("step", 3);
		repository.save(session);
		return session.getId();
	}

	@Test
	void redisUrlSelectsTheRedisStoreWithPrefixAndApplicationName(CapturedOutput output) {
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url(), "spring.application.name=shop")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(RedissonSessionStore.class)
					.hasSingleBean(SessionRepositoryFilter.class);
				SessionKitRepository repository = context.getBean(SessionKitRepository.class);
				String id = saveOne(repository);
				assertThat(server.command("KEYS", "*")).asList()
					.containsExactlyInAnyOrder("sessionkit:shop:sessions:{" + id + "}", "sessionkit:shop:expirations");
				String key = "sessionkit:shop:sessions:{" + id + "}";
				assertThat(server.command("HKEYS", key)).asList().containsExactlyInAnyOrder("meta", "attr:step");
				assertThat(server.command("HGET", key, "attr:step")).isEqualTo("3");
				assertThat((String) server.command("HGET", key, "meta")).matches("\\d{13} \\d{13} 1800000 1");
				assertThat(repository.findById(id).<Integer>getAttribute("step")).isEqualTo(3);
			});
		assertThat(output).contains("Configuring Redis session store... connecting to " + server.url())
			.contains("Redis connected successfully: " + server.url())
			.contains("SessionKit: using the Redis session store (Redisson) at " + server.url()
					+ ", key prefix sessionkit:shop:, timeout 30m");
	}

	@Test
	void passwordAndDatabaseComeFromTheUrlAndTheLogMasksThePassword(CapturedOutput output) {
		String url = "redis://:s3cr3t%20pass@127.0.0.1:" + protectedServer.port() + "/3";
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + url, "sessionkit.redis.key-prefix=app:")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				saveOne(context.getBean(SessionKitRepository.class));
				assertThat(String.valueOf(protectedServer.command("INFO", "keyspace"))).contains("db3:keys=2");
			});
		assertThat(output).contains("redis://:******@127.0.0.1:" + protectedServer.port() + "/3")
			.doesNotContain("s3cr3t");
	}

	@Test
	void hostPortPasswordAndDatabaseAliasesSelectRedis() {
		this.contextRunner.withInitializer((context) -> {
			Map<String, Object> variables = Map.of("SESSION_STORE", "redis", "REDIS_HOST", "127.0.0.1", "REDIS_PORT",
					String.valueOf(protectedServer.port()), "REDIS_PASSWORD", "s3cr3t pass", "REDIS_DB", "2",
					"REDIS_PREFIX", "aliased:");
			context.getEnvironment()
				.getPropertySources()
				.replace("systemEnvironment", new org.springframework.core.env.SystemEnvironmentPropertySource(
						"systemEnvironment", variables));
			new SessionKitEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
					new org.springframework.boot.SpringApplication());
		}).run((context) -> {
			assertThat(context).hasNotFailed();
			String id = saveOne(context.getBean(SessionKitRepository.class));
			assertThat(String.valueOf(protectedServer.command("INFO", "keyspace"))).contains("db2:keys=2");
			assertThat(context.getBean(SessionKitRepository.class).findById(id)).isNotNull();
		});
	}

	@Test
	void nearCacheSparesReloadingUnchangedAttributesAndZeroTurnsItOff() {
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url()).run((context) -> {
			SessionKitRepository repository = context.getBean(SessionKitRepository.class);
			String id = saveOne(repository);
			long before = attributeReads();
			assertThat(repository.findById(id).<Integer>getAttribute("step")).isEqualTo(3);
			assertThat(attributeReads()).isEqualTo(before);
		});
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.near-cache=0")
			.run((context) -> {
				SessionKitRepository repository = context.getBean(SessionKitRepository.class);
				String id = saveOne(repository);
				long before = attributeReads();
				assertThat(repository.findById(id).<Integer>getAttribute("step")).isEqualTo(3);
				assertThat(attributeReads()).isEqualTo(before + 1);
			});
	}

	@Test
	void decodedValuesAreReusedByDefaultAndZeroTurnsThatOff() {
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.near-cache=0")
			.run((context) -> assertThat(SessionKitAutoConfigurationTests.readTwiceGivesTheSameInstant(context))
				.isTrue());
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.near-cache=0",
					"sessionkit.decoded-value-cache=0")
			.run((context) -> assertThat(SessionKitAutoConfigurationTests.readTwiceGivesTheSameInstant(context))
				.isFalse());
	}

	@Test
	void negativeNearCacheFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.near-cache=-1MB")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sessionkit.redis.near-cache")
				.hasMessageContaining("must not be negative"));
	}

	/** Commands Redis ran that read a whole session hash, scripts included. */
	private static long attributeReads() {
		return info("commandstats", "cmdstat_hgetall:calls");
	}

	/** A number in a section of Redis's INFO, 0 when the field is absent. */
	private static long info(String section, String field) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile(java.util.regex.Pattern.quote(field) + "[:=](\\d+)")
			.matcher(String.valueOf(server.command("INFO", section)));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	@Test
	void clientUsesAFewIoThreadsNotRedissonsThirtyTwo() {
		int expected = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url())
			.run((context) -> assertThat(context.getBean(RedissonClient.class).getConfig().getNettyThreads())
				.isEqualTo(expected));
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.io-threads=5")
			.run((context) -> assertThat(context.getBean(RedissonClient.class).getConfig().getNettyThreads())
				.isEqualTo(5));
	}

	@Test
	void concurrentCommandsShareTheClientsConnectionsInsteadOfEachHoldingOne() {
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url()).run((context) -> {
			RedissonClient redisson = context.getBean(RedissonClient.class);
			long before = connectedClients();
			assertThat(before).isPositive();
			// Redis is busy for 300 ms: the commands sent meanwhile all wait for their
			// replies
			CompletableFuture<Object> busy = CompletableFuture.supplyAsync(() -> server.command("EVAL",
					"local t0 = redis.call('TIME') repeat local t = "
							+ "redis.call('TIME') until (t[1] - t0[1]) * 1000000 + (t[2] - t0[2]) > 300000 return 1",
					"0"));
			Thread.sleep(50);
			List<CompletableFuture<Object>> replies = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				replies.add(redisson.getBucket("pool-test:" + i).getAsync().toCompletableFuture());
			}
			replies.forEach(CompletableFuture::join);
			busy.join();
			// each waiting command holding a connection of its own would have opened the
			// whole pool (8)
			assertThat(connectedClients() - before).isLessThanOrEqualTo(1);
		});
	}

	/** Connections Redis has open, this count's own included. */
	private static long connectedClients() {
		return info("clients", "connected_clients");
	}

	@Test
	void clientSkipsRedissonsObjectReferenceChecksWhichSessionsNeverUse() {
		this.contextRunner.withPropertyValues("sessionkit.redis.url=" + server.url())
			.run((context) -> assertThat(context.getBean(RedissonClient.class).getConfig().isReferenceEnabled())
				.isFalse());
	}

	@Test
	void aofAcknowledgementsTheServerCannotGiveStopStartup() {
		// this server has no append-only file, and before Redis 7.2 no WAITAOF at all
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.durability.aof=true",
					"sessionkit.redis.durability.replicas=1")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof RedisSetupException)) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(RedisSetupException.class)
					.hasMessageContaining("sessionkit.redis.durability")
					.hasMessageContaining("WAITAOF");
			});
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.durability.aof=true")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("appendfsync always"));
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.redis.durability.replicas=1",
					"sessionkit.redis.durability.timeout=50ms")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void applicationRedissonClientIsUsedAndNotShutDownByUs() {
		Config config = new Config();
		config.useSingleServer().setAddress(server.url()).setConnectionMinimumIdleSize(1);
		RedissonClient own = Redisson.create(config);
		try {
			this.contextRunner.withBean(RedissonClient.class, () -> own)
				.withPropertyValues("sessionkit.store=redis")
				.run((context) -> {
					assertThat(context).hasNotFailed().getBean(RedissonClient.class).isSameAs(own);
					saveOne(context.getBean(SessionKitRepository.class));
					assertThat(server.command("DBSIZE")).isEqualTo(2L);
				});
		}
		finally {
			own.shutdown();
		}
	}

	@Test
	void redissonYamlFileConfiguresTheConnection() throws Exception {
		Path yaml = Files.createTempFile("redisson", ".yaml");
		Files.writeString(yaml, "singleServerConfig:\n  address: \"" + server.url() + "\"\n  database: 5\n"
				+ "  connectionMinimumIdleSize: 1\n");
		this.contextRunner
			.withPropertyValues("sessionkit.store=redis", "sessionkit.redis.config=file:" + yaml.toAbsolutePath())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				saveOne(context.getBean(SessionKitRepository.class));
				assertThat(String.valueOf(server.command("INFO", "keyspace"))).contains("db5:keys=2");
			});
	}

	@Test
	void clusterNodesSelectClusterMode() {
		try (RedisCluster cluster = RedisCluster.start()) {
			this.contextRunner
				.withPropertyValues("sessionkit.store=redis",
						"sessionkit.redis.cluster.nodes=127.0.0.1:" + cluster.nodes().get(0).port())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					SessionKitRepository repository = context.getBean(SessionKitRepository.class);
					KitSession session = repository.findById(saveOne(repository));
					session.changeSessionId();
					repository.save(session);
					assertThat(repository.findById(session.getId()).<Integer>getAttribute("step")).isEqualTo(3);
					assertThat(cluster.keys()).contains("sessionkit:sessions:{" + session.getId() + "}");
				});
		}
	}

	@Test
	void springDataRedisPropertiesSelectAndLocateRedis() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + server.port() + "/4")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RedissonSessionStore.class);
				saveOne(context.getBean(SessionKitRepository.class));
				assertThat(String.valueOf(server.command("INFO", "keyspace"))).contains("db4:keys=2");
			});
	}

	@Test
	void serviceConnectionDetailsSelectAndLocateRedis() {
		DataRedisConnectionDetails serviceConnection = new DataRedisConnectionDetails() {
			@Override
			public String getPassword() {
				return "s3cr3t pass";
			}

			@Override
			public Standalone getStandalone() {
				return Standalone.of("127.0.0.1", protectedServer.port(), 6);
			}
		};
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withBean(DataRedisConnectionDetails.class, () -> serviceConnection)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(RedissonSessionStore.class);
				saveOne(context.getBean(SessionKitRepository.class));
				assertThat(String.valueOf(protectedServer.command("INFO", "keyspace"))).contains("db6:keys=2");
			});
	}

	@Test
	void springDataRedisDefaultsAloneKeepTheMemoryStore() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(dev.sessionkit.memory.CaffeineSessionStore.class)
				.doesNotHaveBean(RedissonSessionStore.class));
	}

	@Test
	void sentinelMasterSelectsSentinelMode() {
		try (RedisServer primary = RedisServer.start();
				RedisServer sentinel = RedisServer.builder().sentinelOf("sessions", primary).start()) {
			this.contextRunner
				.withPropertyValues("sessionkit.store=redis", "sessionkit.redis.sentinel.master=sessions",
						"sessionkit.redis.sentinel.nodes=127.0.0.1:" + sentinel.port())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					String id = saveOne(context.getBean(SessionKitRepository.class));
					assertThat(primary.command("EXISTS", "sessionkit:sessions:{" + id + "}")).isEqualTo(1L);
				});
		}
	}

	@Test
	void sweeperReportsExpiredSessionsOnceAndLeavesNothing() {
		List<SessionExpiredEvent> expired = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("sessionkit.redis.url=" + server.url(), "sessionkit.timeout=1s",
					"sessionkit.redis.sweep-interval=200ms")
			.withBean("expiredListener", ApplicationListener.class,
					() -> (ApplicationListener<SessionExpiredEvent>) expired::add)
			.run((context) -> {
				String id = saveOne(context.getBean(SessionKitRepository.class));
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(expired).extracting(SessionExpiredEvent::getSessionId)
						.containsExactly(id));
				assertThat(expired.get(0).<KitSession>getSession().<Integer>getAttribute("step")).isEqualTo(3);
				assertThat(server.command("DBSIZE")).isEqualTo(0L);
			});
	}

}
