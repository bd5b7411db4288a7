package dev.sessionkit.sample.chatbot.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.sessionkit.sample.chatbot.chat.ChatMessage;
import dev.sessionkit.sample.chatbot.chat.ChatMessage.Author;
import dev.sessionkit.sample.chatbot.chat.Conversation;
import dev.sessionkit.sample.chatbot.chat.MortgageAdvisor;
import dev.sessionkit.sample.chatbot.chat.MortgageAdvisor.Advice;
import dev.sessionkit.sample.chatbot.form.Estimate;
import dev.sessionkit.sample.chatbot.form.FormField;
import dev.sessionkit.sample.chatbot.form.MortgageCalculator;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat: each message and the chatbot's reply are added to the conversation in the
 * session, with the form values the message gave.
 */
@RestController
@RequestMapping(path = "/api/chat", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {

	private final MortgageAdvisor advisor;

	private final Clock clock;

	private final int maxMessageLength;

	ChatController(MortgageAdvisor advisor, Clock clock, ChatbotProperties properties) {
		this.advisor = advisor;
		this.clock = clock;
		this.maxMessageLength = properties.getMaxMessageLength();
	}

	/**
	 * Sends a message and returns it with the reply, and the form after it.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Reply send(@RequestBody ChatRequest chat, HttpServletRequest request) {
		String text = (chat.message() != null) ? chat.message().strip() : "";
		if (text.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "Empty message", "Type a message first.");
		}
		if (text.length() > this.maxMessageLength) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "Message too long",
					"Your message is " + String.format(Locale.US, "%,d", text.length())
							+ " characters long; the limit is " + String.format(Locale.US, "%,d", this.maxMessageLength)
							+ ".");
		}
		ChatbotSession session = ChatbotSession.create(request);
		Conversation conversation = session.conversation();
		String awaitingName = conversation.awaiting();
		FormField awaiting = (awaitingName != null) ? FormField.fromJsonName(awaitingName).orElse(null) : null;
		Advice advice = this.advisor.advise(text, session.form(), awaiting);
		Instant now = this.clock.instant();
		List<ChatMessage> added = List.of(new ChatMessage(Author.USER, text, now),
				new ChatMessage(Author.BOT, advice.text(), now));
		String nowAwaiting = (advice.awaiting() != null) ? advice.awaiting().jsonName() : null;
		session.save(conversation.append(added, nowAwaiting));
		session.save(advice.form());
		return new Reply(added, advice.form(), MortgageCalculator.estimate(advice.form()));
	}

	/**
	 * A chat message sent to the API.
	 *
	 * @param message the text
	 */
	record ChatRequest(@Nullable String message) {

	}

	/**
	 * The API's answer to a message.
	 *
	 * @param messages the message and the reply, as added to the conversation
	 * @param form the form after the message
	 * @param estimate the figures worked out from it
	 */
	record Reply(List<ChatMessage> messages, MortgageForm form, Estimate estimate) {

	}

}
