package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading and checking what people type into the form.
 */
class FormFieldTests {

	@Test
	void readsNumbersAsPeopleWriteThem() {
		assertThat(FormField.ANNUAL_INCOME.parse("85,000")).isEqualByComparingTo("85000");
		assertThat(FormField.ANNUAL_INCOME.parse(" $85000 ")).isEqualByComparingTo("85000");
		assertThat(FormField.INTEREST_RATE.parse("6.5%")).isEqualByComparingTo("6.5");
		assertThat(FormField.MONTHLY_DEBTS.parse(0)).isEqualByComparingTo("0");
		assertThat(FormField.LOAN_TERM.parse(30.0)).isEqualByComparingTo("30");
		assertThat(FormField.MONTHLY_DEBTS.parse("12.345")).isEqualTo(new BigDecimal("12.35"));
	}

	@Test
	void blankMeansEmpty() {
		assertThat(FormField.ANNUAL_INCOME.parse("")).isNull();
		assertThat(FormField.ANNUAL_INCOME.parse("   ")).isNull();
		assertThat(FormField.ANNUAL_INCOME.parse(null)).isNull();
	}

	@Test
	void nonNumericValuesAreRefusedWithAnExample() {
		assertThat(refusal(FormField.ANNUAL_INCOME, "abc"))
			.isEqualTo("Gross annual income must be a number, like 85000.");
		assertThat(refusal(FormField.INTEREST_RATE, "six")).isEqualTo("Interest rate must be a number, like 6.5.");
		assertThat(refusal(FormField.CREDIT_SCORE, true)).isEqualTo("Credit score must be a number, like 720.");
		assertThat(refusal(FormField.CREDIT_SCORE, Double.NaN)).isEqualTo("Credit score must be a number, like 720.");
	}

	@Test
	void negativeValuesAreRefused() {
		assertThat(refusal(FormField.MONTHLY_DEBTS, "-5")).isEqualTo("Monthly debts cannot be negative.");
		assertThat(refusal(FormField.DOWN_PAYMENT, -1)).isEqualTo("Down payment cannot be negative.");
	}

	@Test
	void absurdValuesAreRefusedWithTheLimit() {
		assertThat(refusal(FormField.ANNUAL_INCOME, "1e12"))
			.isEqualTo("Gross annual income of $1,000,000,000,000 looks too large: at most $100,000,000 is accepted.");
		assertThat(refusal(FormField.INTEREST_RATE, "250"))
			.isEqualTo("Interest rate of 250% looks too large: at most 25% is accepted.");
		assertThat(refusal(FormField.LOAN_TERM, "100"))
			.isEqualTo("Loan term of 100 years looks too large: at most 40 years is accepted.");
		assertThat(refusal(FormField.CREDIT_SCORE, "900"))
			.isEqualTo("Credit score of 900 looks too large: at most 850 is accepted.");
		assertThat(refusal(FormField.CREDIT_SCORE, "250")).isEqualTo("Credit score must be at least 300.");
		assertThat(refusal(FormField.ANNUAL_INCOME, "0")).isEqualTo("Gross annual income must be at least $1.");
		assertThat(refusal(FormField.PROPERTY_PRICE, "1" + "0".repeat(60)))
			.isEqualTo("Property price is too long to be a number.");
		assertThat(refusal(FormField.PROPERTY_PRICE, "1e999999999"))
			.isEqualTo("Property price looks too large: at most $1,000,000,000 is accepted.");
		assertThat(refusal(FormField.CREDIT_SCORE, "1e-999999999")).isEqualTo("Credit score must be at least 300.");
	}

	@Test
	void wholeNumberFieldsRefuseFractions() {
		assertThat(refusal(FormField.LOAN_TERM, "30.5")).isEqualTo("Loan term must be a whole number.");
		assertThat(refusal(FormField.CREDIT_SCORE, "720.1")).isEqualTo("Credit score must be a whole number.");
	}

	@Test
	void formUpdateIsAllOrNothing() {
		MortgageForm form = MortgageForm.EMPTY.with(FormField.ANNUAL_INCOME, new BigDecimal("90000"));
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("monthlyDebts", "400");
		input.put("creditScore", "abc");
		input.put("color", "blue");
		assertThatExceptionOfType(FormValidationException.class).isThrownBy(() -> form.apply(input, false))
			.satisfies((ex) -> assertThat(ex.getErrors()).containsOnlyKeys("creditScore", "color")
				.containsEntry("creditScore", "Credit score must be a number, like 720.")
				.containsEntry("color", "Unknown field 'color'."));
	}

	@Test
	void patchKeepsFieldsLeftOutAndReplaceEmptiesThem() {
		MortgageForm form = MortgageForm.EMPTY.with(FormField.ANNUAL_INCOME, new BigDecimal("90000"));
		MortgageForm patched = form.apply(Map.of("monthlyDebts", "400"), false);
		assertThat(patched.annualIncome()).isEqualByComparingTo("90000");
		assertThat(patched.monthlyDebts()).isEqualByComparingTo("400");
		MortgageForm replaced = form.apply(Map.of("monthlyDebts", "400"), true);
		assertThat(replaced.annualIncome()).isNull();
		assertThat(form.apply(Map.of("annualIncome", ""), false)).isEqualTo(MortgageForm.EMPTY);
	}

	private static String refusal(FormField field, Object value) {
		try {
			field.parse(value);
		}
		catch (InvalidFieldException ex) {
			assertThat(ex.getField()).isEqualTo(field);
			return ex.getMessage();
		}
		throw new AssertionError(value + " was accepted");
	}

}
