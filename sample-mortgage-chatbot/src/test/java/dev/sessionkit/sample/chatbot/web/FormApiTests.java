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
 * The form endpoints over real HTTP: values saved as typed, clear messages for bad ones,
 * and a refused update that leaves the stored form as it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class FormApiTests {

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void newBrowser() {
		this.api = ApiClient.onPort(this.port);
	}

	@Test
	void patchSavesEachFieldAndReturnsTheEstimate() {
		this.api.patch("/api/form", "{\"annualIncome\":\"120,000\"}");
		this.api.patch("/api/form", "{\"monthlyDebts\":\"500\"}");
		this.api.patch("/api/form",
				"{\"propertyPrice\":\"$250,000\",\"downPayment\":50000,\"loanTermYears\":\"30\",\"interestRate\":\"6%\"}");
		Response saved = this.api.patch("/api/form", "{\"creditScore\":\"720\"}");
		assertThat(saved.status()).isEqualTo(200);
		JsonNode form = saved.json().get("form");
		assertThat(form.get("annualIncome").decimalValue()).isEqualByComparingTo("120000");
		assertThat(form.get("propertyPrice").decimalValue()).isEqualByComparingTo("250000");
		assertThat(form.get("interestRate").decimalValue()).isEqualByComparingTo("6");
		JsonNode estimate = saved.json().get("estimate");
		assertThat(estimate.get("loanAmount").decimalValue()).isEqualByComparingTo("200000");
		assertThat(estimate.get("monthlyPayment").decimalValue()).isEqualByComparingTo("1199.10");
		assertThat(estimate.get("debtToIncome").decimalValue()).isEqualByComparingTo("16.99");
		assertThat(estimate.get("maxLoan").decimalValue()).isEqualByComparingTo("467016.52");
		assertThat(estimate.get("missing")).isEmpty();
		assertThat(this.api.get("/api/form").json()).isEqualTo(saved.json());
	}

	@Test
	void badValuesGetAMessagePerFieldAndChangeNothing() {
		this.api.patch("/api/form", "{\"annualIncome\":90000,\"creditScore\":700}");
		assertRefused("{\"annualIncome\":\"ninety thousand\"}", "annualIncome",
				"Gross annual income must be a number, like 85000.");
		assertRefused("{\"monthlyDebts\":-5}", "monthlyDebts", "Monthly debts cannot be negative.");
		assertRefused("{\"propertyPrice\":\"99999999999999\"}", "propertyPrice",
				"Property price of $99,999,999,999,999 looks too large: at most $1,000,000,000 is accepted.");
		assertRefused("{\"interestRate\":45}", "interestRate",
				"Interest rate of 45% looks too large: at most 25% is accepted.");
		assertRefused("{\"loanTermYears\":\"0\"}", "loanTermYears", "Loan term must be at least 1 year.");
		assertRefused("{\"creditScore\":{\"nested\":1}}", "creditScore", "Credit score must be a number, like 720.");
		assertRefused("{\"annualIncome\":85000,\"favouriteColour\":\"blue\"}", "favouriteColour",
				"Unknown field 'favouriteColour'.");
		JsonNode form = this.api.get("/api/form").json().get("form");
		assertThat(form.get("annualIncome").asInt()).isEqualTo(90000);
		assertThat(form.get("creditScore").asInt()).isEqualTo(700);
	}

	@Test
	void refusedFirstUpdateCreatesNoSession() {
		Response refused = this.api.patch("/api/form", "{\"annualIncome\":-1}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.sessionCookie()).isNull();
	}

	@Test
	void putReplacesTheWholeForm() {
		this.api.patch("/api/form", "{\"annualIncome\":90000,\"creditScore\":700}");
		Response replaced = this.api.put("/api/form", "{\"monthlyDebts\":250}");
		assertThat(replaced.status()).isEqualTo(200);
		JsonNode form = this.api.get("/api/form").json().get("form");
		assertThat(form.get("annualIncome").isNull()).isTrue();
		assertThat(form.get("monthlyDebts").asInt()).isEqualTo(250);
	}

	@Test
	void anEmptyValueEmptiesTheField() {
		this.api.patch("/api/form", "{\"annualIncome\":90000}");
		this.api.patch("/api/form", "{\"annualIncome\":\"\"}");
		assertThat(this.api.get("/api/form").json().get("form").get("annualIncome").isNull()).isTrue();
	}

	private void assertRefused(String json, String field, String message) {
		Response refused = this.api.patch("/api/form", json);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("title").asString()).isEqualTo("Invalid form");
		assertThat(refused.json().get("errors").get(field).asString()).isEqualTo(message);
	}

}
