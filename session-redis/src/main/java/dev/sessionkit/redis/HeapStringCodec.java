package dev.sessionkit.redis;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * Redisson's {@link StringCodec}, but encoding into heap buffers that wrap the UTF-8
 * bytes. Arguments of script calls (a session's attributes) are copied into Netty's
 * output buffer anyway; pooled direct buffers for them cost an allocation each and, with
 * Netty's default leak detection, a stack trace for every 128th of them.
 */
final class HeapStringCodec extends BaseCodec {

	static final HeapStringCodec INSTANCE = new HeapStringCodec();

	private static final Encoder ENCODER = (in) -> Unpooled
		.wrappedBuffer(String.valueOf(in).getBytes(StandardCharsets.UTF_8));

	private HeapStringCodec() {
	}

	@Override
	public Decoder<Object> getValueDecoder() {
		return StringCodec.INSTANCE.getValueDecoder();
	}

	@Override
	public Encoder getValueEncoder() {
		return ENCODER;
	}

}
