package dev.sessionkit.core;

import java.util.ArrayList;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.AttributeValue;
import org.jspecify.annotations.Nullable;

/**
 * An attribute value as a store in this JVM's heap keeps it: a template that no
 * application code holds, copied for every read, and never encoded unless the session's
 * size must be known exactly.
 */
final class HeapValue {

	private final Object template;

	/** Whether the template is a list of immutable values only: see {@link #copy()}. */
	private final boolean flatList;

	/** An upper bound of the encoded size in bytes; negative until computed. */
	private volatile long sizeBound = -1;

	/**
	 * For a flat list whose bound was computed: the bound of each element, by index, or
	 * -1 where it is too large to keep. A later list that holds the same elements (a chat
	 * with one more message) reuses them.
	 */
	private volatile int @Nullable [] elementBounds;

	/**
	 * For a flat list that {@link FlatListJson} encoded: where its elements are in the
	 * encoded form it was saved with, so that the next value of the attribute can reuse
	 * their text.
	 */
	private final int @Nullable [] encodedBounds;

	private HeapValue(Object template) {
		this(template, ValueTemplates.isFlatList(template), null);
	}

	private HeapValue(Object template, boolean flatList, int @Nullable [] encodedBounds) {
		this.template = template;
		this.flatList = flatList;
		this.encodedBounds = encodedBounds;
	}

	/**
	 * The form in which a store that accepts heap values gets a value: a template when
	 * every type in it is known to come back from JSON as it is (the codec checks the
	 * type of a value it has not seen, once, with a real round trip), otherwise encoded.
	 * @throws dev.sessionkit.core.codec.AttributeCodecException as
	 * {@link AttributeCodec#encode} does
	 */
	static AttributeValue form(String name, Object value, @Nullable AttributeValue replaced, AttributeCodec codec,
			FaithfulTypes types) {
		FaithfulTypes.Check check = types.check(value, true);
		HeapValue heap = templateOf(value, replaced, check);
		if (heap == null || check.rejected()) {
			return AttributeValue.encoded(codec.encode(name, value));
		}
		Object template = heap.template;
		if (check.proven()) {
			return heap.replacing(replaced);
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
		return heap.replacing(replaced);
	}

	/**
	 * The form in which a store that keeps the values it saves gets a value: encoded,
	 * with its template too when its types are known to come back from JSON as they are,
	 * so that the next read copies the template instead of decoding. A flat list that
	 * replaces a flat list encoded by {@code lists} encodes only the elements the two do
	 * not share.
	 * @param replaced the stored form the value replaces, or {@code null}
	 * @throws dev.sessionkit.core.codec.AttributeCodecException as
	 * {@link AttributeCodec#encode} does
	 */
	static AttributeValue withEncoded(String name, Object value, @Nullable AttributeValue replaced,
			AttributeCodec codec, FaithfulTypes types, FlatListJson lists) {
		if (value.getClass() == ArrayList.class) {
			FaithfulTypes.Check check = types.check(value, false);
			HeapValue heap = templateOf(value, replaced, check);
			if (heap != null && check.proven()) {
				FlatListJson.Encoded spliced = heap.flatList
						? lists.encode(name, (ArrayList<?>) heap.template, previousList(replaced)) : null;
				if (spliced != null) {
					return AttributeValue.encoded(spliced.json(), new HeapValue(heap.template, true, spliced.bounds()));
				}
				return AttributeValue.encoded(codec.encode(name, value), heap);
			}
		}
		String encoded = codec.encode(name, value);
		Object template = types.templateOfEncoded(name, value, encoded);
		return (template != null) ? AttributeValue.encoded(encoded, new HeapValue(template))
				: AttributeValue.encoded(encoded);
	}

	/**
	 * A heap value of a template of {@code value}, or {@code null} if it has none. A list
	 * that replaces a flat list is checked only where it differs from it: a chat with one
	 * more message has one element to look at.
	 */
	private static @Nullable HeapValue templateOf(Object value, @Nullable AttributeValue replaced,
			FaithfulTypes.Check check) {
		if (value.getClass() == ArrayList.class && replaced != null && replaced.hasHeapForm()
				&& replaced.inHeap() instanceof HeapValue previous && previous.flatList) {
			ArrayList<Object> list = ValueTemplates.flatListTemplate((ArrayList<?>) value,
					(ArrayList<?>) previous.template, check);
			if (list != null) {
				return new HeapValue(list, true, null);
			}
		}
		Object template = ValueTemplates.template(value, check);
		return (template != null) ? new HeapValue(template) : null;
	}

	/** The previous form of a flat list, when {@link FlatListJson} encoded it. */
	private static FlatListJson.@Nullable Previous previousList(@Nullable AttributeValue replaced) {
		if (replaced == null || !replaced.isEncoded() || !replaced.hasHeapForm()
				|| !(replaced.inHeap() instanceof HeapValue previous) || previous.encodedBounds == null) {
			return null;
		}
		return new FlatListJson.Previous((ArrayList<?>) previous.template, replaced.encoded(), previous.encodedBounds);
	}

	/**
	 * Returns the heap value a stored form holds.
	 * @throws IllegalStateException if it holds an object this class did not make
	 */
	static HeapValue of(AttributeValue stored) {
		if (stored.inHeap() instanceof HeapValue heap) {
			return heap;
		}
		throw new IllegalStateException("A heap value that this repository did not make");
	}

	/**
	 * This value in heap form, as the new value of an attribute that held
	 * {@code replaced}: when the size limit bounded the old list, the new one is bounded
	 * now, while the old one is at hand.
	 */
	private AttributeValue replacing(@Nullable AttributeValue replaced) {
		if (this.flatList && replaced != null && !replaced.isEncoded()) {
			HeapValue previous = of(replaced);
			if (previous.elementBounds != null) {
				computeSizeBound(previous);
			}
		}
		return AttributeValue.inHeap(this);
	}

	/**
	 * A new copy of the value, for one reader. A list of immutable values is copied
	 * without reading its elements, which are often not in the processor's caches.
	 */
	Object copy() {
		if (this.flatList) {
			return new ArrayList<>((ArrayList<?>) this.template);
		}
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
		return (bound >= 0) ? bound : computeSizeBound(null);
	}

	/**
	 * Computes {@link #sizeBound()}; a flat list takes the bounds of the elements it
	 * shares with the previous value of the attribute, matched by identity.
	 */
	private long computeSizeBound(@Nullable HeapValue previous) {
		if (!this.flatList) {
			long bound = JsonSizeBound.of(this.template);
			this.sizeBound = bound;
			return bound;
		}
		ArrayList<?> elements = (ArrayList<?>) this.template;
		ArrayList<?> previousElements = (previous != null) ? (ArrayList<?>) previous.template : null;
		int[] previousBounds = (previous != null) ? previous.elementBounds : null;
		int offset = (previousElements != null) ? ValueTemplates.alignment(previousElements, elements) : 0;
		int[] bounds = new int[elements.size()];
		long total = 0;
		for (int i = 0; i < bounds.length; i++) {
			Object element = elements.get(i);
			int j = i + offset;
			long bound;
			if (previousElements != null && previousBounds != null && j < previousBounds.length
					&& previousElements.get(j) == element && previousBounds[j] >= 0) {
				bound = previousBounds[j];
			}
			else {
				bound = (element != null) ? JsonSizeBound.of(element) : 4;
			}
			bounds[i] = (bound <= Integer.MAX_VALUE) ? (int) bound : -1;
			total = (bound == JsonSizeBound.UNKNOWN || total + bound < 0) ? JsonSizeBound.UNKNOWN : total + bound;
		}
		long bound = JsonSizeBound.ofList(elements.getClass(), total, bounds.length);
		this.elementBounds = bounds;
		this.sizeBound = bound;
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
