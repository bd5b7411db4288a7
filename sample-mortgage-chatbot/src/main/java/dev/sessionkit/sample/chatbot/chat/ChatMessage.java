package dev.sessionkit.sample.chatbot.chat;

import java.time.Instant;

/**
 * One message of the conversation.
 *
 * @param author who wrote it
 * @param text what it says
 * @param at when it was written
 */
public record ChatMessage(Author author, String text, Instant at) {

	/**
	 * Who wrote a message.
	 */
	public enum Author {

		/** The person using the page. */
		USER,

		/** The chatbot. */
		BOT

	}

}
