package dev.sessionkit.core.codec;

/**
 * Thrown when an attribute value cannot be encoded or decoded.
 */
public class AttributeCodecException extends IllegalArgumentException {

	private final String attributeName;

	/**
	 * Create a new instance.
	 * @param attributeName the name of the attribute
	 * @param message what went wrong
	 * @param cause the underlying failure, if any
	 */
	public AttributeCodecException(String attributeName, String message, Throwable cause) {
		super("Session attribute '" + attributeName + "': " + message, cause);
		this.attributeName = attributeName;
	}

	/**
	 * Returns the name of the attribute that could not be encoded or decoded.
	 * @return the attribute name
	 */
	public String getAttributeName() {
		return this.attributeName;
	}

}
