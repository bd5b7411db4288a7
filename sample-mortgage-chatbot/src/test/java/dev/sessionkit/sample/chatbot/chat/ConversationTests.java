package dev.sessionkit.sample.chatbot.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sessionkit.sample.chatbot.chat.ChatMessage.Author;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation keeps the latest 100 messages.
 */
class ConversationTests {

	@Test
	void keepsTheLatestHundredMessagesOldestFirst() {
		Conversation conversation = Conversation.EMPTY;
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 60; i++) {
			conversation = conversation.append(List.of(message(Author.USER, i, start), message(Author.BOT, i, start)),
					null);
		}
		assertThat(conversation.messages()).hasSize(Conversation.MAX_MESSAGES);
		assertThat(conversation.messages().get(0).text()).isEqualTo("user 10");
		assertThat(conversation.messages().get(99).text()).isEqualTo("bot 59");
		assertThat(conversation.messages().get(99).at()).isEqualTo(start.plusSeconds(59));
	}

	@Test
	void rememberesTheFieldAskedFor() {
		Conversation conversation = Conversation.EMPTY.append(List.of(), "creditScore");
		assertThat(conversation.awaiting()).isEqualTo("creditScore");
		assertThat(conversation.append(List.of(), null).awaiting()).isNull();
	}

	@Test
	void messagesCannotBeChangedFromOutside() {
		List<ChatMessage> messages = new ArrayList<>();
		Conversation conversation = new Conversation(messages, null);
		messages.add(message(Author.USER, 1, Instant.EPOCH));
		assertThat(conversation.messages()).isEmpty();
	}

	private static ChatMessage message(Author author, int i, Instant start) {
		return new ChatMessage(author, author.name().toLowerCase() + " " + i, start.plusSeconds(i));
	}

}
