package dev.sessionkit.redis;

import java.util.concurrent.atomic.AtomicInteger;

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
 * Counts the requests Redisson sends, each a round trip: one command, or one pipelined
 * batch of commands to one server.
 */
@ChannelHandler.Sharable
final class RoundTripCounter extends ChannelOutboundHandlerAdapter implements NettyHook {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger commands = new AtomicInteger();

	@Override
	public void afterBoostrapInitialization(Bootstrap bootstrap) {
	}

	@Override
	public void afterChannelInitialization(Channel channel) {
		channel.pipeline().addLast(this);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof CommandsData batch) {
			this.requests.incrementAndGet();
			this.commands.addAndGet(batch.getCommands().size());
		}
		else if (msg instanceof CommandData<?, ?>) {
			this.requests.incrementAndGet();
			this.commands.incrementAndGet();
		}
		super.write(ctx, msg, promise);
	}

	void reset() {
		this.requests.set(0);
		this.commands.set(0);
	}

	int roundTrips() {
		return this.requests.get();
	}

	int commands() {
		return this.commands.get();
	}

}
