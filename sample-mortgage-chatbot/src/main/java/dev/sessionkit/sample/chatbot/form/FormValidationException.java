package dev.sessionkit.sample.chatbot.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown when a form update is refused: one message for people per field, keyed by the
 * field's JSON name. Nothing of the update is applied.
 */
public class FormValidationException extends RuntimeException {

	private final Map<String, String> errors;

	/**
	 * Creates an exception for the given field errors.
	 * @param errors messages keyed by JSON field name, in form order
	 */
	public FormValidationException(Map<String, String> errors) {
		super(String.join(" ", errors.values()));
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/**
	 * Returns the messages, keyed by JSON field name.
	 * @return the messages
	 */
	public Map<String, String> getErrors() {
		return this.errors;
	}

}
