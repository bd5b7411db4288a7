package dev.sessionkit.sample.chatbot.chat;

import java.math.BigDecimal;

import dev.sessionkit.sample.chatbot.chat.MortgageAdvisor.Advice;
import dev.sessionkit.sample.chatbot.form.FormField;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chatbot's rules: it asks for what is missing, answers with the figures and explains
 * them; the numbers are the hand-computed ones of {@code MortgageCalculatorTests}.
 */
class MortgageAdvisorTests {

	private static final MortgageForm COMPLETE = new MortgageForm(bd("120000"), bd("500"), bd("720"), bd("50000"),
			bd("250000"), bd("30"), bd("6"));

	private final MortgageAdvisor advisor = new MortgageAdvisor();

	@Test
	void emptyFormGetsAGreetingAndTheFirstQuestion() {
		Advice advice = this.advisor.advise("hello there", MortgageForm.EMPTY, null);
		assertThat(advice.text()).contains("rule-based mortgage helper").endsWith(FormField.ANNUAL_INCOME.question());
		assertThat(advice.awaiting()).isEqualTo(FormField.ANNUAL_INCOME);
	}

	@Test
	void asksForWhatAFigureStillNeeds() {
		Advice advice = this.advisor.advise("What would my monthly payment be?",
				MortgageForm.EMPTY.with(FormField.PROPERTY_PRICE, bd("300000")), null);
		assertThat(advice.text()).startsWith(
				"To work out your monthly payment I still need your down payment, loan term and interest rate.");
		assertThat(advice.text()).endsWith(FormField.DOWN_PAYMENT.question());
		assertThat(advice.awaiting()).isEqualTo(FormField.DOWN_PAYMENT);
	}

	@Test
	void aLoneNumberAnswersTheQuestionAndTheNextOneFollows() {
		Advice advice = this.advisor.advise("85000", MortgageForm.EMPTY, FormField.ANNUAL_INCOME);
		assertThat(advice.form().annualIncome()).isEqualByComparingTo("85000");
		assertThat(advice.text()).startsWith("Noted: gross annual income $85,000.")
			.endsWith(FormField.MONTHLY_DEBTS.question());
		assertThat(advice.awaiting()).isEqualTo(FormField.MONTHLY_DEBTS);
	}

	@Test
	void monthlyPaymentIsAnsweredAndExplained() {
		Advice advice = this.advisor.advise("what's my monthly payment?", COMPLETE, null);
		assertThat(advice.text()).contains("For a loan of $200,000 ($250,000 price − $50,000 down) at 6% over 30 years")
			.contains("the monthly payment is $1,199.10")
			.contains("M = P × r × (1 + r)^n ÷ ((1 + r)^n − 1)")
			.contains("r = 6% ÷ 12 = 0.5% a month and n = 360 payments");
		assertThat(advice.awaiting()).isNull();
	}

	@Test
	void debtToIncomeIncludesTheNewPayment() {
		Advice advice = this.advisor.advise("DTI?", COMPLETE, null);
		assertThat(advice.text()).contains("($500 + $1,199.10) ÷ $10,000 = 17.0%")
			.contains("without it, 5.0%")
			.contains("comfortable");
	}

	@Test
	void debtToIncomeBeforeTheLoanIsKnown() {
		MortgageForm form = MortgageForm.EMPTY.with(FormField.ANNUAL_INCOME, bd("60000"))
			.with(FormField.MONTHLY_DEBTS, bd("2400"));
		Advice advice = this.advisor.advise("what is my debt to income ratio", form, null);
		assertThat(advice.text()).contains("Yours today: $2,400 ÷ $5,000 = 48.0%").contains("above the 43%");
	}

	@Test
	void largestLoanFollowsFromTheLendingLimits() {
		Advice advice = this.advisor.advise("How much can I borrow?", COMPLETE, null);
		assertThat(advice.text()).contains("28% × $10,000 = $2,800")
			.contains("43% × $10,000 − $500 = $3,800")
			.contains("$2,800 a month")
			.contains("a loan of up to $467,017")
			.contains("a property of up to about $517,017");
	}

	@Test
	void valuesGivenInChatFillTheFormAndTheSummaryFollowsWhenComplete() {
		MortgageForm form = COMPLETE.with(FormField.PROPERTY_PRICE, null)
			.with(FormField.DOWN_PAYMENT, null)
			.with(FormField.INTEREST_RATE, null);
		Advice advice = this.advisor.advise("price 350000, down 50000, 30 years at 6.5%", form, null);
		assertThat(advice.form().propertyPrice()).isEqualByComparingTo("350000");
		assertThat(advice.form().interestRate()).isEqualByComparingTo("6.5");
		assertThat(advice.text())
			.startsWith("Noted: property price $350,000, down payment $50,000, loan term 30 years "
					+ "and interest rate 6.5%.")
			.contains("Here is where you stand:")
			.contains("• Loan: $300,000 (85.7% of the price).")
			.contains("• Monthly payment: $1,896.20 over 30 years at 6.5%.")
			.contains("within the usual limits");
	}

	@Test
	void zeroRateIsExplainedAsASimpleDivision() {
		MortgageForm form = COMPLETE.with(FormField.PROPERTY_PRICE, bd("100000"))
			.with(FormField.DOWN_PAYMENT, bd("0"))
			.with(FormField.LOAN_TERM, bd("10"))
			.with(FormField.INTEREST_RATE, bd("0"));
		assertThat(this.advisor.advise("payment", form, null).text()).contains("the monthly payment is $833.33")
			.contains("simply the loan divided by the 120 monthly payments");
	}

	@Test
	void aLoanAboveTheLimitsIsFlagged() {
		MortgageForm form = COMPLETE.with(FormField.PROPERTY_PRICE, bd("900000"));
		assertThat(this.advisor.advise("summary", form, null).text()).contains("above what the usual limits allow");
	}

	@Test
	void nonsenseValuesAreRefusedAndTheQuestionAskedAgain() {
		Advice advice = this.advisor.advise("-5", MortgageForm.EMPTY, FormField.ANNUAL_INCOME);
		assertThat(advice.text()).isEqualTo("That doesn't look right: Gross annual income cannot be negative.\n\n"
				+ FormField.ANNUAL_INCOME.question());
		assertThat(advice.form()).isEqualTo(MortgageForm.EMPTY);
		assertThat(advice.awaiting()).isEqualTo(FormField.ANNUAL_INCOME);
		assertThat(this.advisor.advise("rate 250", COMPLETE, null).text())
			.startsWith("That doesn't look right: Interest rate of 250% looks too large");
	}

	@Test
	void numbersWithoutAMeaningAreQueried() {
		Advice advice = this.advisor.advise("I am 35", COMPLETE, null);
		assertThat(advice.text()).startsWith("I'm not sure what to do with 35;");
		assertThat(advice.form()).isEqualTo(COMPLETE);
	}

	@Test
	void creditScoreIsExplained() {
		assertThat(this.advisor.advise("is my credit good enough?", COMPLETE, null).text())
			.isEqualTo("A credit score of 720 is good: you should qualify for a conventional loan.");
		MortgageForm low = COMPLETE.with(FormField.CREDIT_SCORE, bd("560"));
		assertThat(this.advisor.advise("credit?", low, null).text()).contains("most lenders will decline");
	}

	@Test
	void explainWithAPartialFormGivesTheMethodAndAsksOn() {
		Advice advice = this.advisor.advise("explain", MortgageForm.EMPTY.with(FormField.ANNUAL_INCOME, bd("1000")),
				null);
		assertThat(advice.text()).startsWith("Here is how I work things out.")
			.endsWith(FormField.MONTHLY_DEBTS.question());
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
