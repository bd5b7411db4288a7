package dev.sessionkit.sample.chatbot.web;

import java.util.Map;

import dev.sessionkit.sample.chatbot.form.FormValidationException;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mortgage form, kept in the session as the user types. Values may be sent as numbers
 * or as the text typed; an invalid value refuses the whole request with a message per
 * field ({@link FormValidationException}) and leaves the stored form as it was.
 */
@RestController
@RequestMapping(path = "/api/form", produces = MediaType.APPLICATION_JSON_VALUE)
class FormController {

	/**
	 * Returns the form; a browser without a session gets an empty one, and no session is
	 * created.
	 */
	@GetMapping
	FormView get(HttpServletRequest request) {
		return FormView.of(ChatbotSession.existing(request).form());
	}

	/**
	 * Replaces the whole form: fields left out are emptied.
	 */
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	FormView replace(@RequestBody Map<String, @Nullable Object> values, HttpServletRequest request) {
		return update(values, true, request);
	}

	/**
	 * Changes the fields given, such as {@code {"annualIncome": "85000"}}; an empty value
	 * empties a field, and fields left out are kept.
	 */
	@PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	FormView change(@RequestBody Map<String, @Nullable Object> values, HttpServletRequest request) {
		return update(values, false, request);
	}

	private FormView update(Map<String, @Nullable Object> values, boolean replace, HttpServletRequest request) {
		MortgageForm updated = ChatbotSession.existing(request).form().apply(values, replace);
		ChatbotSession session = ChatbotSession.create(request);
		session.save(updated);
		return FormView.of(updated);
	}

}
