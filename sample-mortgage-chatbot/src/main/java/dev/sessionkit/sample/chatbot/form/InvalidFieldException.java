package dev.sessionkit.sample.chatbot.form;

/**
 * Thrown when a value typed into a form field is not a sensible number for it; the
 * message is meant for the person who typed it.
 */
public class InvalidFieldException extends RuntimeException {

	private final FormField field;

	/**
	 * Creates an exception for a field.
	 * @param field the field
	 * @param message what is wrong, for people
	 */
	public InvalidFieldException(FormField field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * Returns the field whose value is wrong.
	 * @return the field
	 */
	public FormField getField() {
		return this.field;
	}

}
