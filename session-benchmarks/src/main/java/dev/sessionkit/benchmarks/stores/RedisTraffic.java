package dev.sessionkit.benchmarks.stores;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.redisson.client.NettyHook;
import org.redisson.client.protocol.CommandData;
import org.redisson.client.protocol.CommandsData;

/**
 * Counts, at the client's sockets, what this JVM sends to Redis: round trips (one
 * command, or one pipelined batch, written for a reply the caller waits for) and
 * commands, by name. Works for Lettuce (Spring Data Redis's default client) and Redisson
 * alike, so every store is counted the same way. {@code PING}s of connection keep-alive
 * are not counted: they are not part of a request.
 * <p>
 * The counters are global to the JVM; each benchmark application runs one store.
 */
public final class RedisTraffic {

	private static final LongAdder roundTrips = new LongAdder();

	private static final LongAdder commands = new LongAdder();

	private static final Map<String, LongAdder> byName = new ConcurrentHashMap<>();

	private static final Counter COUNTER = new Counter();

	private RedisTraffic() {
	}

	/**
	 * Returns a Redisson hook that counts the client's traffic.
	 * @return the hook, for {@code Config.setNettyHook}
	 */
	public static NettyHook redissonHook() {
		return new NettyHook() {

			@Override
			public void afterBoostrapInitialization(Bootstrap bootstrap) {
			}

			@Override
			public void afterChannelInitialization(Channel channel) {
				channel.pipeline().addLast(COUNTER);
			}

		};
	}

	/**
	 * Returns Lettuce client resources that count the client's traffic; shut them down
	 * with the client.
	 * @return the resources
	 */
	public static ClientResources lettuceResources() {
		return ClientResources.builder().nettyCustomizer(new NettyCustomizer() {

			@Override
			public void afterChannelInitialized(Channel channel) {
				channel.pipeline().addLast(COUNTER);
			}

		}).build();
	}

	/**
	 * Returns the counts since the last {@link #reset()}.
	 * @return round trips, commands, and commands by name
	 */
	public static Counts snapshot() {
		Map<String, Long> names = new TreeMap<>();
		byName.forEach((name, count) -> {
			if (count.sum() > 0) {
				names.put(name, count.sum());
			}
		});
		return new Counts(roundTrips.sum(), commands.sum(), names);
	}

	/**
	 * Sets every counter to zero.
	 */
	public static void reset() {
		roundTrips.reset();
		commands.reset();
		byName.values().forEach(LongAdder::reset);
	}

	private static void count(String name) {
		commands.increment();
		byName.computeIfAbsent(name, (key) -> new LongAdder()).increment();
	}

	/**
	 * What a client sent.
	 *
	 * @param roundTrips writes the caller waited on
	 * @param commands commands in them
	 * @param byName commands by name
	 */
	public record Counts(long roundTrips, long commands, Map<String, Long> byName) {

	}

	/** The handler at the tail of each pipeline: it sees commands before encoding. */
	@ChannelHandler.Sharable
	private static final class Counter extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof CommandsData batch) {
				roundTrips.increment();
				batch.getCommands().forEach((command) -> count(command.getCommand().getName()));
			}
			else if (msg instanceof CommandData<?, ?> command) {
				String name = command.getCommand().getName();
				if (!name.equals("PING")) {
					roundTrips.increment();
					count(name);
				}
			}
			else if (msg instanceof RedisCommand<?, ?, ?> command) {
				roundTrips.increment();
				count(lettuceName(command));
			}
			else if (msg instanceof Collection<?> batch && !batch.isEmpty()) {
				roundTrips.increment();
				for (Object each : batch) {
					if (each instanceof RedisCommand<?, ?, ?> command) {
						count(lettuceName(command));
					}
				}
			}
			super.write(ctx, msg, promise);
		}

		private static String lettuceName(RedisCommand<?, ?, ?> command) {
			return command.getType().toString();
		}

	}

}
