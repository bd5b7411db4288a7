package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic, checked against payments worked out by hand from
 * {@code M = P·r·(1+r)^n / ((1+r)^n − 1)} (and the usual published tables).
 */
class MortgageCalculatorTests {

	@Test
	void paymentOfTwoHundredThousandAtSixPercentOverThirtyYears() {
		// r = 0.06 / 12 = 0.005, n = 360, (1.005)^360 = 6.0225752, M = 200000 × 0.005 ×
		// 6.0225752 / 5.0225752 = 1199.1011
		assertThat(MortgageCalculator.monthlyPayment(bd("200000"), bd("6"), 30)).isEqualByComparingTo("1199.10");
	}

	@Test
	void paymentsForOtherRatesAndTerms() {
		assertThat(MortgageCalculator.monthlyPayment(bd("300000"), bd("6.5"), 30)).isEqualByComparingTo("1896.20");
		assertThat(MortgageCalculator.monthlyPayment(bd("240000"), bd("7.25"), 15)).isEqualByComparingTo("2190.87");
		assertThat(MortgageCalculator.monthlyPayment(bd("350000"), bd("5.875"), 30)).isEqualByComparingTo("2070.38");
	}

	@Test
	void zeroRateRepaysTheLoanInEqualParts() {
		assertThat(MortgageCalculator.monthlyPayment(bd("100000"), BigDecimal.ZERO, 10)).isEqualByComparingTo("833.33");
		assertThat(MortgageCalculator.principalFor(bd("2800"), BigDecimal.ZERO, 30)).isEqualByComparingTo("1008000");
	}

	@Test
	void largestLoanIsThePaymentFormulaSolvedForThePrincipal() {
		// P = 2800 × (1 − 1.005^−360) / 0.005 = 2800 × 166.7916 = 467016.52
		assertThat(MortgageCalculator.principalFor(bd("2800"), bd("6"), 30)).isEqualByComparingTo("467016.52");
		BigDecimal back = MortgageCalculator.monthlyPayment(bd("467016.52"), bd("6"), 30);
		assertThat(back).isEqualByComparingTo("2800.00");
	}

	@Test
	void debtToIncomeIsMonthlyDebtsOverGrossMonthlyIncome() {
		assertThat(MortgageCalculator.debtToIncome(bd("500"), bd("120000"))).isEqualByComparingTo("5.00");
		assertThat(MortgageCalculator.debtToIncome(bd("1699.10"), bd("120000"))).isEqualByComparingTo("16.99");
	}

	@Test
	void maxPaymentIsTheLowerOfTheHousingAndTotalDebtLimits() {
		// 28% of 10000 = 2800; 43% of 10000 − 500 = 3800
		assertThat(MortgageCalculator.maxMonthlyPayment(bd("120000"), bd("500"))).isEqualByComparingTo("2800.00");
		// 43% of 10000 − 2000 = 2300 < 2800
		assertThat(MortgageCalculator.maxMonthlyPayment(bd("120000"), bd("2000"))).isEqualByComparingTo("2300.00");
		// Debts above 43%: nothing left
		assertThat(MortgageCalculator.maxMonthlyPayment(bd("120000"), bd("5000"))).isEqualByComparingTo("0");
	}

	@Test
	void estimateWorksOutWhatTheFormAllows() {
		MortgageForm form = new MortgageForm(bd("120000"), bd("500"), bd("720"), bd("50000"), bd("250000"), bd("30"),
				bd("6"));
		Estimate estimate = MortgageCalculator.estimate(form);
		assertThat(estimate.monthlyIncome()).isEqualByComparingTo("10000");
		assertThat(estimate.loanAmount()).isEqualByComparingTo("200000");
		assertThat(estimate.monthlyPayment()).isEqualByComparingTo("1199.10");
		assertThat(estimate.currentDebtToIncome()).isEqualByComparingTo("5.00");
		assertThat(estimate.debtToIncome()).isEqualByComparingTo("16.99");
		assertThat(estimate.maxMonthlyPayment()).isEqualByComparingTo("2800");
		assertThat(estimate.maxLoan()).isEqualByComparingTo("467016.52");
		assertThat(estimate.loanToValue()).isEqualByComparingTo("80");
		assertThat(estimate.missing()).isEmpty();
	}

	@Test
	void estimateOfAPartialFormLeavesTheRestOut() {
		MortgageForm form = MortgageForm.EMPTY.with(FormField.ANNUAL_INCOME, bd("60000"));
		Estimate estimate = MortgageCalculator.estimate(form);
		assertThat(estimate.monthlyIncome()).isEqualByComparingTo("5000");
		assertThat(estimate.currentDebtToIncome()).isNull();
		assertThat(estimate.monthlyPayment()).isNull();
		assertThat(estimate.maxLoan()).isNull();
		assertThat(estimate.missing()).containsExactly("monthlyDebts", "creditScore", "downPayment", "propertyPrice",
				"loanTermYears", "interestRate");
	}

	@Test
	void downPaymentAbovePriceMeansNoLoan() {
		MortgageForm form = MortgageForm.EMPTY.with(FormField.PROPERTY_PRICE, bd("200000"))
			.with(FormField.DOWN_PAYMENT, bd("250000"))
			.with(FormField.LOAN_TERM, bd("30"))
			.with(FormField.INTEREST_RATE, bd("6"));
		Estimate estimate = MortgageCalculator.estimate(form);
		assertThat(estimate.loanAmount()).isEqualByComparingTo("0");
		assertThat(estimate.monthlyPayment()).isEqualByComparingTo("0");
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
