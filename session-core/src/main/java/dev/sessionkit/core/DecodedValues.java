package dev.sessionkit.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.codec.AttributeCodecException;
import org.jspecify.annotations.Nullable;

/**
 * Decoded attribute values by their encoded form, so that a value read again (the same
 * JSON, from any session of any store) is copied from a template instead of decoded. Only
 * values {@link ValueTemplates} can copy are kept, each request still gets its own copy,
 * and what the cache answers is what decoding would: templates come from decoding, or
 * from a saved value whose types were checked once against a real round trip.
 * <p>
 * Bounded by the total length of the encoded forms it keeps, and an entry not used for
 * the sessions' timeout is dropped with them.
 */
final class DecodedValues {

	private final AttributeCodec codec;

	private final @Nullable Cache<String, Object> templates;

	/**
	 * Lets a decoded value in only the second time it is decoded: with many more sessions
	 * than the cache holds, read at random, most values are read once, and a template of
	 * each would cost more than it saves.
	 */
	private final Doorkeeper doorkeeper = new Doorkeeper();

	private final FaithfulTypes types;

	/**
	 * @param codec decodes what the cache does not hold
	 * @param maxCharacters the most encoded characters to keep templates of; 0 for none
	 * @param unusedFor how long a template is kept without being used
	 * @param types the types known to round trip through JSON unchanged
	 */
	DecodedValues(AttributeCodec codec, long maxCharacters, Duration unusedFor, FaithfulTypes types) {
		this.codec = codec;
		this.types = types;
		this.templates = (maxCharacters > 0) ? Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.weigher((String encoded, Object template) -> encoded.length())
			.expireAfterAccess(unusedFor)
			// maintenance on the calling thread: a hand-off would wake a thread per put
			.executor(Runnable::run)
			.scheduler(Scheduler.systemScheduler())
			.build() : null;
	}

	/**
	 * Decodes an attribute value, or copies it from the template of the same encoded
	 * form.
	 * @throws AttributeCodecException as {@link AttributeCodec#decode} does
	 */
	Object decode(String name, String encoded) {
		Cache<String, Object> cache = this.templates;
		if (cache == null) {
			return this.codec.decode(name, encoded);
		}
		Object template = cache.getIfPresent(encoded);
		if (template != null) {
			return ValueTemplates.copy(template);
		}
		Object value = this.codec.decode(name, encoded);
		if (this.doorkeeper.seenBefore(encoded)) {
			Object fresh = ValueTemplates.template(value, (type) -> {
			});
			if (fresh != null) {
				cache.put(encoded, fresh);
			}
		}
		return value;
	}

	/**
	 * Keeps a template of a value just saved in the given encoded form, so that the next
	 * read of it needs no decoding. Values of types not yet seen are checked against a
	 * real decoding first.
	 */
	void saved(String name, Object value, String encoded) {
		Cache<String, Object> cache = this.templates;
		if (cache == null || cache.getIfPresent(encoded) != null) {
			return;
		}
		Object template = this.types.templateOfEncoded(name, value, encoded);
		if (template != null) {
			cache.put(encoded, template);
		}
	}

	/**
	 * Forgets the template of a value that a save replaced. A session's old values are
	 * seldom read again, and templates that were read once would otherwise outweigh, in
	 * the cache's admission policy, the new ones that replace them.
	 */
	void replaced(String encoded) {
		Cache<String, Object> cache = this.templates;
		if (cache != null) {
			cache.invalidate(encoded);
		}
	}

	/**
	 * A bit per hash of the encoded forms decoded lately, cleared once a quarter of its
	 * bits have been set. Races between threads only let a value in a little early or
	 * late.
	 */
	private static final class Doorkeeper {

		private static final int WORDS = 1 << 14;

		private final AtomicLongArray bits = new AtomicLongArray(WORDS);

		private final AtomicInteger marked = new AtomicInteger();

		boolean seenBefore(String encoded) {
			int hash = encoded.hashCode() * 0x9E3779B9;
			int word = (hash >>> 6) & (WORDS - 1);
			long bit = 1L << hash;
			if ((this.bits.get(word) & bit) != 0) {
				return true;
			}
			this.bits.getAndAccumulate(word, bit, (current, add) -> current | add);
			if (this.marked.incrementAndGet() > WORDS * 64 / 4) {
				this.marked.set(0);
				for (int i = 0; i < WORDS; i++) {
					this.bits.set(i, 0);
				}
			}
			return false;
		}

	}

}
