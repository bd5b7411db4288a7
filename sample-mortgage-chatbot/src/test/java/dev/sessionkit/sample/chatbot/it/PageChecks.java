package dev.sessionkit.sample.chatbot.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user journey the browser tests share: fill in the form, chat, and check that the
 * page shows the same form and conversation afterwards.
 */
final class PageChecks {

	/** A complete form; the figures are the hand-computed ones of the unit tests. */
	static final Map<String, String> FORM = form();

	private PageChecks() {
	}

	/**
	 * Fills in the form and asks for the monthly payment.
	 */
	static void fillInAndChat(Browser browser) {
		browser.fill(FORM);
		assertThat(browser.text("status")).isEqualTo("Saved in your session.");
		assertThat(browser.text("estimate-monthlyPayment")).isEqualTo("$1,199.10");
		browser.chat("What's my monthly payment?");
		browser.chat("and my DTI?");
		List<String> messages = browser.messages();
		assertThat(messages).hasSize(4);
		assertThat(messages.get(0)).isEqualTo("user: What's my monthly payment?");
		assertThat(messages.get(1)).startsWith("bot: For a loan of $200,000").contains("$1,199.10");
		assertThat(messages.get(3)).startsWith("bot: Debt-to-income").contains("17.0%");
	}

	/**
	 * Checks that the page shows the form and the conversation of {@link #fillInAndChat}.
	 */
	static void assertStillThere(Browser browser, List<String> messages, List<String> timestamps) {
		FORM.forEach((field, value) -> assertThat(browser.value(field)).as(field)
			.isEqualTo(value.replace(",", "").replace("%", "")));
		assertThat(browser.messages()).isEqualTo(messages);
		assertThat(browser.timestamps()).isEqualTo(timestamps).allSatisfy((at) -> assertThat(at).endsWith("Z"));
		assertThat(browser.text("estimate-monthlyPayment")).isEqualTo("$1,199.10");
		assertThat(browser.text("estimate-debtToIncome")).isEqualTo("17.0%");
	}

	private static Map<String, String> form() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("annualIncome", "120,000");
		form.put("monthlyDebts", "500");
		form.put("creditScore", "720");
		form.put("propertyPrice", "250000");
		form.put("downPayment", "50000");
		form.put("loanTermYears", "30");
		form.put("interestRate", "6");
		return form;
	}

}
