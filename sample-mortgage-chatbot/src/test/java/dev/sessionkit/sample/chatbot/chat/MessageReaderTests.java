package dev.sessionkit.sample.chatbot.chat;

import java.util.Map;

import dev.sessionkit.sample.chatbot.form.FormField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding form values in chat messages.
 */
class MessageReaderTests {

	@Test
	void numbersGoToTheFieldNamedNearby() {
		assertThat(read("my income is 85k, debts 400")).containsExactly(Map.entry(FormField.ANNUAL_INCOME, "85000"),
				Map.entry(FormField.MONTHLY_DEBTS, "400"));
		assertThat(read("price 400,000 down 80k")).containsExactly(Map.entry(FormField.PROPERTY_PRICE, "400,000"),
				Map.entry(FormField.DOWN_PAYMENT, "80000"));
		assertThat(read("credit score is 720")).containsExactly(Map.entry(FormField.CREDIT_SCORE, "720"));
	}

	@Test
	void percentIsARateAndYearsATerm() {
		assertThat(read("30 years at 6.5%")).containsExactly(Map.entry(FormField.LOAN_TERM, "30"),
				Map.entry(FormField.INTEREST_RATE, "6.5"));
	}

	@Test
	void creditCardsAreDebtsNotACreditScore() {
		assertThat(read("I pay 300 on credit cards")).containsExactly(Map.entry(FormField.MONTHLY_DEBTS, "300"));
	}

	@Test
	void incomePerYearIsNotATerm() {
		assertThat(read("I earn 95k a year")).containsExactly(Map.entry(FormField.ANNUAL_INCOME, "95000"));
	}

	@Test
	void loneNumberAnswersTheQuestionAsked() {
		MessageReader.Values values = MessageReader.read("720", FormField.CREDIT_SCORE);
		assertThat(values.values()).containsExactly(Map.entry(FormField.CREDIT_SCORE, "720"));
		assertThat(MessageReader.read("720", null).unassigned()).containsExactly("720");
	}

	@Test
	void negativeSignIsKept() {
		assertThat(read("debts -500")).containsExactly(Map.entry(FormField.MONTHLY_DEBTS, "-500"));
		assertThat(MessageReader.read("-5", FormField.ANNUAL_INCOME).values())
			.containsExactly(Map.entry(FormField.ANNUAL_INCOME, "-5"));
	}

	@Test
	void topicsAreNotFields() {
		assertThat(read("what is my debt-to-income ratio?")).isEmpty();
		assertThat(read("what's my monthly payment")).isEmpty();
	}

	private static Map<FormField, String> read(String message) {
		return MessageReader.read(message, null).values();
	}

}
