package dev.sessionkit.sample.chatbot;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.sample.chatbot.chat.ChatMessage;
import dev.sessionkit.sample.chatbot.chat.ChatMessage.Author;
import dev.sessionkit.sample.chatbot.chat.Conversation;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session attributes round-trip through SessionKit's JSON codec, as both stores keep
 * them, with the package allowed as in {@code application.properties}; and the longest
 * possible conversation fits the configured session size.
 */
class SessionAttributesCodecTests {

	private final AttributeCodec codec = AttributeCodec.json(List.of("dev.sessionkit.sample.chatbot"),
			getClass().getClassLoader());

	@Test
	void formRoundTripsAsItself() {
		MortgageForm form = new MortgageForm(new BigDecimal("85000"), new BigDecimal("400.50"), null,
				new BigDecimal("70000"), new BigDecimal("350000"), new BigDecimal("30"), new BigDecimal("6.125"));
		String json = this.codec.encode("chatbot.form", form);
		assertThat(json).contains("\"annualIncome\"").doesNotContain("@class\":\"java.io");
		assertThat(this.codec.decode("chatbot.form", json)).isEqualTo(form);
	}

	@Test
	void conversationRoundTripsWithTimestampsAndAuthors() {
		Conversation conversation = Conversation.EMPTY
			.append(List.of(new ChatMessage(Author.USER, "income 85k", Instant.parse("2026-11-22T10:15:30.123456Z")),
					new ChatMessage(Author.BOT, "Noted: gross annual income $85,000.\n\nDebts?",
							Instant.parse("2026-11-22T10:15:30.200Z"))),
					"monthlyDebts");
		Object decoded = this.codec.decode("chatbot.conversation",
				this.codec.encode("chatbot.conversation", conversation));
		assertThat(decoded).isEqualTo(conversation);
	}

	@Test
	void longestConversationFitsTheSessionSizeLimit() {
		String longest = "€".repeat(1000);
		String reply = "× ÷ − ".repeat(500);
		List<ChatMessage> messages = new ArrayList<>();
		for (int i = 0; i < Conversation.MAX_MESSAGES / 2; i++) {
			messages.add(new ChatMessage(Author.USER, longest, Instant.now()));
			messages.add(new ChatMessage(Author.BOT, reply, Instant.now()));
		}
		String json = this.codec.encode("chatbot.conversation", new Conversation(messages, "creditScore"));
		long bytes = json.getBytes(StandardCharsets.UTF_8).length;
		assertThat(bytes).isGreaterThan(DataSize.ofKilobytes(256).toBytes())
			.isLessThan(DataSize.ofKilobytes(512).toBytes() - DataSize.ofKilobytes(8).toBytes());
	}

}
