package dev.sessionkit.core.codec;

import java.util.Collection;
import java.util.List;

/**
 * Turns one session attribute value into its stored form and back. Each attribute is
 * encoded on its own, so that one value that can no longer be read costs that attribute
 * alone, never the whole session.
 * <p>
 * Implementations must be thread-safe and must never use Java serialization.
 *
 * @see #json()
 */
public interface AttributeCodec {

	/**
	 * Encodes an attribute value.
	 * @param name the attribute name, for error messages
	 * @param value the value, never {@code null}
	 * @return the stored form
	 * @throws AttributeCodecException if the value cannot be encoded, for example because
	 * its type is not allowed
	 */
	String encode(String name, Object value);

	/**
	 * Decodes a stored attribute value.
	 * @param name the attribute name, for error messages
	 * @param encoded the stored form, as returned by {@link #encode}
	 * @return the value, never {@code null}
	 * @throws AttributeCodecException if the stored form is corrupt, names a type that is
	 * not allowed, or names a class that no longer exists
	 */
	Object decode(String name, String encoded);

	/**
	 * Returns a JSON codec that allows the JDK's value types and collections, and Spring
	 * Security's types when Spring Security is on the class path.
	 * @return the codec
	 */
	static AttributeCodec json() {
		return json(List.of(), AttributeCodec.class.getClassLoader());
	}

	/**
	 * Returns a JSON codec that also allows the types of the given packages (and their
	 * sub-packages).
	 * @param allowedPackages package names such as {@code com.example.shop}
	 * @param classLoader the class loader used to find Spring Security's Jackson modules
	 * @return the codec
	 */
	static AttributeCodec json(Collection<String> allowedPackages, ClassLoader classLoader) {
		return new JsonAttributeCodec(new TypeAllowlist(allowedPackages), classLoader);
	}

}
