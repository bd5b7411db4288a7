package dev.sessionkit.sample.chatbot.web;

import dev.sessionkit.sample.chatbot.chat.Conversation;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The sample's state in the HTTP session: the form and the conversation, one attribute
 * each. A missing or unreadable attribute reads as empty.
 */
final class ChatbotSession {

	static final String FORM = "chatbot.form";

	static final String CONVERSATION = "chatbot.conversation";

	private final @Nullable HttpSession session;

	private ChatbotSession(@Nullable HttpSession session) {
		this.session = session;
	}

	/**
	 * Returns the request's session, creating one if there is none (or if the one the
	 * browser named is unknown or expired).
	 */
	static ChatbotSession create(HttpServletRequest request) {
		return new ChatbotSession(request.getSession(true));
	}

	/**
	 * Returns the request's session if it has one; reading an absent session gives empty
	 * values and creates nothing.
	 */
	static ChatbotSession existing(HttpServletRequest request) {
		return new ChatbotSession(request.getSession(false));
	}

	MortgageForm form() {
		return (attribute(FORM) instanceof MortgageForm form) ? form : MortgageForm.EMPTY;
	}

	Conversation conversation() {
		return (attribute(CONVERSATION) instanceof Conversation conversation) ? conversation : Conversation.EMPTY;
	}

	void save(MortgageForm form) {
		if (!form.equals(form())) {
			required().setAttribute(FORM, form);
		}
	}

	void save(Conversation conversation) {
		required().setAttribute(CONVERSATION, conversation);
	}

	private @Nullable Object attribute(String name) {
		return (this.session != null) ? this.session.getAttribute(name) : null;
	}

	private HttpSession required() {
		if (this.session == null) {
			throw new IllegalStateException("No session to save to");
		}
		return this.session;
	}

}
