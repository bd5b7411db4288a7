package dev.sessionkit.sample.chatbot.web;

import dev.sessionkit.sample.chatbot.support.ApiClient;
import dev.sessionkit.sample.chatbot.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation through the API: the chatbot asks for each missing value in turn, takes
 * the answers into the form, and answers with the hand-computed figures (see
 * {@code MortgageCalculatorTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ChatApiTests {

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void newBrowser() {
		this.api = ApiClient.onPort(this.port);
	}

	@Test
	void conversationFillsTheFormAndEndsWithTheFigures() {
		assertThat(reply("hi")).contains("rule-based mortgage helper").endsWith("before tax?");
		assertThat(reply("120000")).startsWith("Noted: gross annual income $120,000.").endsWith("Say 0 if none.");
		assertThat(reply("500")).startsWith("Noted: monthly debts $500.").endsWith("(300 to 850)?");
		assertThat(reply("720")).endsWith("How much can you put down?");
		assertThat(reply("50k")).endsWith("What is the price of the property you have in mind?");
		assertThat(reply("$250,000")).endsWith("(for example 15 or 30)?");
		assertThat(reply("30")).endsWith("(for example 6.5)?");
		String summary = reply("6%");
		assertThat(summary).contains("• Loan: $200,000 (80.0% of the price).")
			.contains("• Monthly payment: $1,199.10 over 30 years at 6%.")
			.contains("• Debt-to-income with this mortgage: 17.0%")
			.contains("• Most you can borrow: $467,017 (a payment of up to $2,800 a month).")
			.contains("A credit score of 720 is good");
		JsonNode form = this.api.get("/api/form").json();
		assertThat(form.get("form").get("downPayment").asInt()).isEqualTo(50000);
		assertThat(form.get("estimate").get("monthlyPayment").decimalValue()).isEqualByComparingTo("1199.10");
		assertThat(this.api.get("/api/session/history").json().get("messages")).hasSize(16);
	}

	@Test
	void answersEachFigureWithItsArithmetic() {
		this.api.put("/api/form", "{\"annualIncome\":120000,\"monthlyDebts\":500,\"creditScore\":720,"
				+ "\"downPayment\":50000,\"propertyPrice\":350000,\"loanTermYears\":30,\"interestRate\":6.5}");
		assertThat(reply("What's my monthly payment?")).contains("For a loan of $300,000")
			.contains("the monthly payment is $1,896.20")
			.contains("r = 6.5% ÷ 12 = 0.5417% a month and n = 360 payments");
		assertThat(reply("and my DTI?")).contains("($500 + $1,896.20) ÷ $10,000 = 24.0%");
		assertThat(reply("how much can I afford")).contains("$2,800 a month").contains("up to $442,990");
		assertThat(reply("explain")).contains("M = P × r × (1 + r)^n ÷ ((1 + r)^n − 1)").contains("28% × $10,000");
	}

	@Test
	void asksForWhatIsMissing() {
		Response response = this.api.chat("How much would I pay per month?");
		assertThat(response.status()).isEqualTo(200);
		String text = response.json().get("messages").get(1).get("text").asString();
		assertThat(text).startsWith("To work out your monthly payment I still need your property price, "
				+ "down payment, loan term and interest rate.");
	}

	@Test
	void badValuesInChatAreExplainedAndNotStored() {
		reply("income 90000");
		assertThat(reply("my debts are -200")).startsWith("That doesn't look right: Monthly debts cannot be negative.");
		assertThat(reply("rate 99")).startsWith("That doesn't look right: Interest rate of 99% looks too large");
		JsonNode form = this.api.get("/api/form").json().get("form");
		assertThat(form.get("monthlyDebts").isNull()).isTrue();
		assertThat(form.get("interestRate").isNull()).isTrue();
		assertThat(form.get("annualIncome").asInt()).isEqualTo(90000);
	}

	private String reply(String message) {
		Response response = this.api.chat(message);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode messages = response.json().get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).get("text").asString()).isEqualTo(message);
		return messages.get(1).get("text").asString();
	}

}
