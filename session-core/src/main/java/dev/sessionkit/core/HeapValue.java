package dev.sessionkit.core;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.AttributeValue;

/**
 * An attribute value as a store in this JVM's heap keeps it: a template that no
 * application code holds, copied for every read, and never encoded unless the session's
 * size must be known exactly.
 */
final class HeapValue {

	private final Object template;

	/** An upper bound of the encoded size in bytes; negative until computed. */
	private volatile long sizeBound = -1;

	private HeapValue(Object template) {
		this.template = template;
	}

	/**
	 * The form in which a store that accepts heap values gets a value: a template when
	 * every type in it is known to come back from JSON as it is (the codec checks the
	 * type of a value it has not seen, once, with a real round trip), otherwise encoded.
	 * @throws dev.sessionkit.core.codec.AttributeCodecException as
	 * {@link AttributeCodec#encode} does
	 */
	static AttributeValue form(String name, Object value, AttributeCodec codec, FaithfulTypes types) {
		FaithfulTypes.Check check = types.check(value, true);
		Object template = ValueTemplates.template(value, check);
		if (template == null || check.rejected()) {
			return AttributeValue.encoded(codec.encode(name, value));
		}
		HeapValue heap = new HeapValue(template);
		if (check.proven()) {
			return AttributeValue.inHeap(heap);
		}
		String encoded = codec.encode(name, value);
		if (JsonSizeBound.tight(template) < KitSession.utf8Length(encoded)) {
			// the bound would not hold for this type: never keep it as a template
			types.distrust(check);
			return AttributeValue.encoded(encoded);
		}
		if (!types.prove(name, value.getClass(), check, encoded, template)) {
			return AttributeValue.encoded(encoded);
		}
		return AttributeValue.inHeap(heap);
	}

	/** A new copy of the value, for one reader. */
	Object copy() {
		return ValueTemplates.copy(this.template);
	}

	/** The value itself, which must not be changed or handed out. */
	Object template() {
		return this.template;
	}

	/**
	 * An upper bound, in bytes, of the UTF-8 size of the value's encoded form, cheap to
	 * compute: see {@link JsonSizeBound#of}.
	 */
	long sizeBound() {
		long bound = this.sizeBound;
		if (bound < 0) {
			bound = JsonSizeBound.of(this.template);
			this.sizeBound = bound;
		}
		return bound;
	}

	/**
	 * A tighter upper bound than {@link #sizeBound()}, which scans every string: see
	 * {@link JsonSizeBound#tight}.
	 */
	long tightSizeBound() {
		return JsonSizeBound.tight(this.template);
	}

}
