package dev.sessionkit.sample.chatbot.chat;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The conversation kept in the session: the latest {@value #MAX_MESSAGES} messages,
 * oldest first, and the form field the chatbot last asked for, if any.
 *
 * @param messages the messages, oldest first
 * @param awaiting JSON name of the field the chatbot asked for, so that a bare number
 * answers it
 */
public record Conversation(List<ChatMessage> messages, @Nullable String awaiting) {

	/** Most messages kept; older ones are dropped. */
	public static final int MAX_MESSAGES = 100;

	/** A conversation with no messages. */
	public static final Conversation EMPTY = new Conversation(List.of(), null);

	public Conversation {
		messages = List.copyOf(messages);
	}

	/**
	 * Returns a copy with messages added at the end, keeping the latest
	 * {@value #MAX_MESSAGES}.
	 * @param added the new messages
	 * @param awaiting the field the chatbot now waits for, or {@code null}
	 * @return the longer conversation
	 */
	public Conversation append(List<ChatMessage> added, @Nullable String awaiting) {
		List<ChatMessage> all = new ArrayList<>(this.messages);
		all.addAll(added);
		int from = Math.max(0, all.size() - MAX_MESSAGES);
		return new Conversation(all.subList(from, all.size()), awaiting);
	}

}
