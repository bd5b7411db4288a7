package dev.sessionkit.core;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.codec.AttributeCodecException;
import org.jspecify.annotations.Nullable;

/**
 * The encoded form of a flat list (an {@link ArrayList} of immutable values, see
 * {@link ValueTemplates#isFlatList}) put together from the encoded forms of its elements,
 * so that a list which keeps most elements of the value it replaces (a chat with one more
 * message) encodes only its new elements: the others are copied from the previous encoded
 * form, matched by identity, which immutable elements make safe.
 * <p>
 * The result must be the text the codec itself gives for the whole list. That is learnt,
 * not assumed: until every element type of a list has been proven by comparing the
 * assembled text with the codec's own once, the codec's own is used; a type whose
 * comparison failed is never assembled again. A codec whose text for a list is not its
 * elements' texts joined (anything but JSON, say) therefore only ever pays for one
 * comparison per type. Shared by all the sessions of a repository, and safe for
 * concurrent use.
 */
final class FlatListJson {

	/** What an element that is {@code null} counts as among the proven types. */
	private static final Class<?> NULL_ELEMENT = Void.class;

	private final AttributeCodec codec;

	private final Set<Class<?>> proven = ConcurrentHashMap.newKeySet();

	private final Set<Class<?>> refused = ConcurrentHashMap.newKeySet();

	/** The text before the first element, or {@code null} until known; "" if unusable. */
	private volatile @Nullable String opening;

	FlatListJson(AttributeCodec codec) {
		this.codec = codec;
	}

	/**
	 * Encodes a flat list, copying the text of the elements it shares with the previous
	 * value of the attribute.
	 * @param name the attribute name, for the codec
	 * @param list the list, a template: flat, and changed by nobody
	 * @param previous the previous encoded form of the attribute, or {@code null}
	 * @return the encoded form and where its elements are, or {@code null} when the list
	 * must be encoded by the codec as a whole
	 * @throws AttributeCodecException as {@link AttributeCodec#encode} does
	 */
	@Nullable Encoded encode(String name, ArrayList<?> list, @Nullable Previous previous) {
		String opening = opening(name);
		if (opening.isEmpty()) {
			return null;
		}
		boolean unproven = false;
		for (Object element : list) {
			Class<?> type = typeOf(element);
			if (this.refused.contains(type)) {
				return null;
			}
			unproven |= !this.proven.contains(type);
		}
		if (!unproven) {
			return assemble(name, opening, list, previous);
		}
		Encoded assembled;
		try {
			assembled = assemble(name, opening, list, previous);
		}
		catch (AttributeCodecException ex) {
			// an element the codec refuses on its own: the list goes as a whole
			refuse(list);
			return null;
		}
		return prove(name, list, assembled);
	}

	private Encoded assemble(String name, String opening, ArrayList<?> list, @Nullable Previous previous) {
		int offset = (previous != null) ? ValueTemplates.alignment(previous.elements(), list) : 0;
		StringBuilder json = new StringBuilder(
				(previous != null) ? previous.encoded().length() + 256 : 64 + 128 * list.size());
		json.append(opening);
		int[] bounds = new int[list.size() + 1];
		bounds[0] = json.length();
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			Object element = list.get(i);
			int j = i + offset;
			if (previous != null && previous.holds(j, element)) {
				json.append(previous.encoded(), previous.start(j), previous.end(j));
			}
			else {
				json.append((element != null) ? this.codec.encode(name, element) : "null");
			}
			bounds[i + 1] = json.length();
		}
		json.append("]]");
		return new Encoded(json.toString(), bounds);
	}

	/** Compares the assembled text with the codec's own, and records the outcome. */
	private @Nullable Encoded prove(String name, ArrayList<?> list, Encoded assembled) {
		if (this.codec.encode(name, list).equals(assembled.json())) {
			for (Object element : list) {
				this.proven.add(typeOf(element));
			}
			return assembled;
		}
		refuse(list);
		return null;
	}

	private void refuse(ArrayList<?> list) {
		for (Object element : list) {
			Class<?> type = typeOf(element);
			if (!this.proven.contains(type)) {
				this.refused.add(type);
			}
		}
	}

	/**
	 * The codec's text for an empty list without its last two characters, if it ends in
	 * {@code []]} as JSON with the list's type id does; otherwise "", for none.
	 */
	private String opening(String name) {
		String opening = this.opening;
		if (opening == null) {
			String empty = this.codec.encode(name, new ArrayList<>());
			opening = empty.endsWith("[]]") ? empty.substring(0, empty.length() - 2) : "";
			this.opening = opening;
		}
		return opening;
	}

	private static Class<?> typeOf(@Nullable Object element) {
		return (element != null) ? element.getClass() : NULL_ELEMENT;
	}

	/**
	 * A flat list's encoded form and where its elements' texts are: {@code bounds[0]}
	 * where the first starts, {@code bounds[i + 1]} just past element {@code i}; the
	 * elements are separated by one comma.
	 */
	record Encoded(String json, int[] bounds) {
	}

	/**
	 * The previous value of an attribute: its template, its encoded form, and where each
	 * element's text is in it, as {@link Encoded#bounds()} says.
	 */
	record Previous(ArrayList<?> elements, String encoded, int[] bounds) {

		/** Whether the element at index {@code i} is this very object. */
		boolean holds(int i, @Nullable Object element) {
			return element != null && i < this.elements.size() && this.elements.get(i) == element;
		}

		/** Where the text of element {@code i} starts: after the opening or a comma. */
		int start(int i) {
			return (i == 0) ? this.bounds[0] : this.bounds[i] + 1;
		}

		/** The index just past the text of element {@code i}. */
		int end(int i) {
			return this.bounds[i + 1];
		}

	}

}
