package dev.sessionkit.core.spi;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One attribute value as a store keeps it, in one of two forms:
 * <ul>
 * <li><em>encoded</em>: the text the repository's codec made of it, which a store that
 * keeps sessions outside this JVM writes and reads back as it is;</li>
 * <li><em>in heap</em>: an object owned by the repository, private to it and never
 * changed, handed only to stores that keep sessions in this JVM's heap and say so with
 * {@link SessionStore#acceptsHeapValues()}. Such a store keeps the object as it is,
 * without looking inside.</li>
 * </ul>
 * An encoded value may carry its heap form too, for a store that hands back, in later
 * loads by this JVM, the values it saved ({@link SessionStore#keepsSavedValues()}): the
 * store writes the encoded form and keeps the value as it is. Immutable. Two values are
 * equal when they have the same forms and equal content.
 */
public final class AttributeValue {

	private final @Nullable String encoded;

	private final @Nullable Object inHeap;

	private AttributeValue(@Nullable String encoded, @Nullable Object inHeap) {
		this.encoded = encoded;
		this.inHeap = inHeap;
	}

	/**
	 * Returns the value of an encoded form.
	 * @param encoded the encoded form
	 * @return the value
	 */
	public static AttributeValue encoded(String encoded) {
		return new AttributeValue(Objects.requireNonNull(encoded, "encoded must not be null"), null);
	}

	/**
	 * Returns an encoded value together with its heap form. Meant for the repository,
	 * which alone knows what the object is.
	 * @param encoded the encoded form
	 * @param inHeap the repository's private object for the same value
	 * @return the value
	 */
	public static AttributeValue encoded(String encoded, Object inHeap) {
		return new AttributeValue(Objects.requireNonNull(encoded, "encoded must not be null"),
				Objects.requireNonNull(inHeap, "inHeap must not be null"));
	}

	/**
	 * Returns a value in heap form. Meant for the repository, which alone knows what the
	 * object is.
	 * @param inHeap the repository's private object
	 * @return the value
	 */
	public static AttributeValue inHeap(Object inHeap) {
		return new AttributeValue(null, Objects.requireNonNull(inHeap, "inHeap must not be null"));
	}

	/**
	 * Whether this value has its encoded form.
	 * @return {@code true} for an encoded value, with or without its heap form;
	 * {@code false} for one in heap form only
	 */
	public boolean isEncoded() {
		return this.encoded != null;
	}

	/**
	 * Whether this value has its heap form.
	 * @return {@code true} for a value in heap form, and for an encoded value that
	 * carries its heap form too
	 */
	public boolean hasHeapForm() {
		return this.inHeap != null;
	}

	/**
	 * Returns the encoded form.
	 * @return the encoded form
	 * @throws IllegalStateException if this value is in heap form only
	 */
	public String encoded() {
		if (this.encoded == null) {
			throw new IllegalStateException("The value is in heap form: only stores that accept heap values get one");
		}
		return this.encoded;
	}

	/**
	 * Returns the heap form.
	 * @return the repository's object
	 * @throws IllegalStateException if this value has no heap form
	 */
	public Object inHeap() {
		if (this.inHeap == null) {
			throw new IllegalStateException("The value is encoded only");
		}
		return this.inHeap;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AttributeValue value && Objects.equals(value.encoded, this.encoded)
				&& Objects.equals(value.inHeap, this.inHeap);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.encoded, this.inHeap);
	}

	/** The form and size only: attribute values may be secrets. */
	@Override
	public String toString() {
		if (this.encoded == null) {
			return "AttributeValue[in heap]";
		}
		return "AttributeValue[encoded, " + this.encoded.length() + " chars"
				+ ((this.inHeap != null) ? ", in heap too]" : "]");
	}

}
