package dev.sessionkit.benchmarks.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * The session every benchmark stores: a {@link MortgageForm} under {@value #FORM} and a
 * chat history of {@value #CHAT_LENGTH} {@link ChatMessage}s under {@value #CHAT}. Every
 * store gets the same values; {@code seed} makes sessions distinct, so that nothing is
 * shared between them in memory.
 */
public final class Payload {

	/** The attribute holding the form. */
	public static final String FORM = "form";

	/** The attribute holding the chat history. */
	public static final String CHAT = "chat";

	/** Messages in the chat history; a writing request keeps it at this length. */
	public static final int CHAT_LENGTH = 20;

	private static final String[] QUESTIONS = { "How much can I borrow with my income?",
			"What deposit do I need for a flat in the city centre?", "Is a fixed rate better for me right now?",
			"Can I add my partner's income to the application?", "What happens if I repay early?" };

	private static final String[] ANSWERS = { "Based on what you told me, lenders would offer about 4.5 times income.",
			"Most lenders ask for 10% of the price; 15% gets you better rates.",
			"A fixed rate protects you from rises for the term; variable rates follow the base rate.",
			"Yes: a joint application counts both incomes and both credit histories.",
			"Early repayment charges usually apply during the fixed period, up to 3% of the balance." };

	private Payload() {
	}

	/**
	 * Returns the form of session number {@code seed}.
	 * @param seed distinguishes sessions
	 * @return a form of about 1 KB as JSON
	 */
	public static MortgageForm form(long seed) {
		return new MortgageForm("APP-" + (100_000_000 + seed), "Alexandra", "Montgomery-Whitfield",
				"alexandra.montgomery" + seed + "@example.com", "+44 20 7946 " + (1000 + seed % 9000), "1988-04-17",
				"221B Baker Street, Flat " + (seed % 40 + 1), "London", "NW1 6XE", "United Kingdom", "employed",
				"Northwind Logistics International Ltd", 6, 8_450_000L, 62_500L, 42_500_000L, 6_375_000L, 36_125_000L,
				25, "fixed-5-years", true, true, 4,
				"Looking at two-bedroom flats near the station; my partner may join the application later. "
						+ "I have a car loan ending next year and no other debts. Prefer to be contacted by email "
						+ "in the evening. Reference " + seed + ".");
	}

	/**
	 * Returns the chat history of session number {@code seed}.
	 * @param seed distinguishes sessions
	 * @return {@value #CHAT_LENGTH} messages, oldest first
	 */
	public static List<ChatMessage> chat(long seed) {
		List<ChatMessage> chat = new ArrayList<>(CHAT_LENGTH);
		for (int i = 0; i < CHAT_LENGTH; i++) {
			chat.add(message(seed + i, i));
		}
		return chat;
	}

	/**
	 * Returns the chat after one more exchange: the oldest message dropped and a new one
	 * added, so the session keeps its size.
	 * @param chat the current chat
	 * @param turn distinguishes the new message
	 * @return a new list of {@value #CHAT_LENGTH} messages
	 */
	public static List<ChatMessage> next(List<ChatMessage> chat, long turn) {
		List<ChatMessage> next = new ArrayList<>(CHAT_LENGTH);
		for (int i = Math.max(0, chat.size() - CHAT_LENGTH + 1); i < chat.size(); i++) {
			next.add(chat.get(i));
		}
		next.add(message(turn, (int) (turn % 2)));
		return next;
	}

	private static ChatMessage message(long seed, int index) {
		int pick = (int) (Math.abs(seed) % QUESTIONS.length);
		boolean user = index % 2 == 0;
		return new ChatMessage(user ? "user" : "assistant", user ? QUESTIONS[pick] : ANSWERS[pick],
				1_767_225_600_000L + seed * 1_000L);
	}

}
