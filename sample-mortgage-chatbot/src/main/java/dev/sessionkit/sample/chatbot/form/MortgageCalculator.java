package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of a fixed-rate mortgage: the monthly payment by the standard
 * amortisation formula, the debt-to-income ratio, and the largest loan the usual lending
 * limits allow.
 * <p>
 * Limits are the common rules of thumb: housing costs at most 28% of gross monthly
 * income, all debts together at most 43%. Taxes, insurance and fees are left out.
 */
public final class MortgageCalculator {

	/** Largest share of gross monthly income for the mortgage payment, in percent. */
	public static final BigDecimal HOUSING_LIMIT = new BigDecimal("28");

	/** Largest share of gross monthly income for all debts together, in percent. */
	public static final BigDecimal TOTAL_DEBT_LIMIT = new BigDecimal("43");

	/** The fields an estimate of the monthly payment needs. */
	public static final List<FormField> PAYMENT_FIELDS = List.of(FormField.PROPERTY_PRICE, FormField.DOWN_PAYMENT,
			FormField.LOAN_TERM, FormField.INTEREST_RATE);

	/** The fields the current debt-to-income ratio needs. */
	public static final List<FormField> DTI_FIELDS = List.of(FormField.ANNUAL_INCOME, FormField.MONTHLY_DEBTS);

	/** The fields the maximum affordable loan needs. */
	public static final List<FormField> MAX_LOAN_FIELDS = List.of(FormField.ANNUAL_INCOME, FormField.MONTHLY_DEBTS,
			FormField.LOAN_TERM, FormField.INTEREST_RATE);

	private static final MathContext MATH = MathContext.DECIMAL64;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private static final BigDecimal TWELVE = new BigDecimal("12");

	private MortgageCalculator() {
	}

	/**
	 * Returns the monthly payment that repays a loan in equal instalments:
	 * {@code M = P·r·(1+r)^n / ((1+r)^n − 1)} with the monthly rate {@code r} and
	 * {@code n} monthly payments, or {@code P / n} at a zero rate.
	 * @param principal the amount borrowed
	 * @param annualRatePercent the yearly interest rate, in percent
	 * @param years the term
	 * @return the payment, rounded to cents
	 */
	public static BigDecimal monthlyPayment(BigDecimal principal, BigDecimal annualRatePercent, int years) {
		int payments = years * 12;
		BigDecimal rate = monthlyRate(annualRatePercent);
		if (rate.signum() == 0) {
			return principal.divide(BigDecimal.valueOf(payments), 2, RoundingMode.HALF_UP);
		}
		BigDecimal growth = BigDecimal.ONE.add(rate).pow(payments, MATH);
		BigDecimal payment = principal.multiply(rate, MATH)
			.multiply(growth, MATH)
			.divide(growth.subtract(BigDecimal.ONE), MATH);
		return payment.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Returns the loan that a monthly payment repays, the amortisation formula solved for
	 * the principal: {@code P = M·(1 − (1+r)^−n) / r}, or {@code M·n} at a zero rate.
	 * @param payment the monthly payment
	 * @param annualRatePercent the yearly interest rate, in percent
	 * @param years the term
	 * @return the principal, rounded to cents
	 */
	public static BigDecimal principalFor(BigDecimal payment, BigDecimal annualRatePercent, int years) {
		int payments = years * 12;
		BigDecimal rate = monthlyRate(annualRatePercent);
		if (rate.signum() == 0) {
			return payment.multiply(BigDecimal.valueOf(payments)).setScale(2, RoundingMode.HALF_UP);
		}
		BigDecimal discount = BigDecimal.ONE.divide(BigDecimal.ONE.add(rate).pow(payments, MATH), MATH);
		return payment.multiply(BigDecimal.ONE.subtract(discount), MATH)
			.divide(rate, MATH)
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Returns monthly debt payments as a share of gross monthly income.
	 * @param monthlyDebts all monthly debt payments
	 * @param annualIncome gross annual income, more than zero
	 * @return the ratio in percent, with two decimals
	 */
	public static BigDecimal debtToIncome(BigDecimal monthlyDebts, BigDecimal annualIncome) {
		return monthlyDebts.multiply(HUNDRED).divide(monthlyIncome(annualIncome), 2, RoundingMode.HALF_UP);
	}

	/**
	 * Returns the largest monthly mortgage payment the lending limits allow: the lower of
	 * 28% of gross monthly income and 43% of it less the other debts, never below zero.
	 * @param annualIncome gross annual income
	 * @param monthlyDebts other monthly debt payments
	 * @return the payment, rounded to cents
	 */
	public static BigDecimal maxMonthlyPayment(BigDecimal annualIncome, BigDecimal monthlyDebts) {
		BigDecimal income = monthlyIncome(annualIncome);
		BigDecimal housing = share(income, HOUSING_LIMIT);
		BigDecimal total = share(income, TOTAL_DEBT_LIMIT).subtract(monthlyDebts);
		return housing.min(total).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Returns gross monthly income.
	 * @param annualIncome gross annual income
	 * @return a twelfth of it, rounded to cents
	 */
	public static BigDecimal monthlyIncome(BigDecimal annualIncome) {
		return annualIncome.divide(TWELVE, 2, RoundingMode.HALF_UP);
	}

	/**
	 * Returns a percentage of an amount.
	 * @param amount the amount
	 * @param percent the percentage
	 * @return the share, rounded to cents
	 */
	public static BigDecimal share(BigDecimal amount, BigDecimal percent) {
		return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	/**
	 * Works out everything the form allows so far.
	 * @param form the form
	 * @return the estimate, with {@code null} for what cannot be worked out yet
	 */
	public static Estimate estimate(MortgageForm form) {
		BigDecimal income = form.annualIncome();
		BigDecimal debts = form.monthlyDebts();
		BigDecimal loan = loanAmount(form);
		BigDecimal payment = null;
		if (loan != null && form.missing(PAYMENT_FIELDS).isEmpty()) {
			payment = monthlyPayment(loan, rate(form), years(form));
		}
		BigDecimal currentDti = null;
		BigDecimal dti = null;
		BigDecimal maxPayment = null;
		BigDecimal maxLoan = null;
		if (income != null && debts != null) {
			currentDti = debtToIncome(debts, income);
			dti = (payment != null) ? debtToIncome(debts.add(payment), income) : null;
			maxPayment = maxMonthlyPayment(income, debts);
			if (form.missing(MAX_LOAN_FIELDS).isEmpty()) {
				maxLoan = principalFor(maxPayment, rate(form), years(form));
			}
		}
		BigDecimal price = form.propertyPrice();
		BigDecimal loanToValue = (loan != null && price != null)
				? loan.multiply(HUNDRED).divide(price, 2, RoundingMode.HALF_UP) : null;
		List<String> missing = form.missing(List.of(FormField.values())).stream().map(FormField::jsonName).toList();
		return new Estimate((income != null) ? monthlyIncome(income) : null, loan, payment, currentDti, dti, maxPayment,
				maxLoan, loanToValue, missing);
	}

	/**
	 * Returns the amount to borrow: the price less the down payment, never below zero.
	 * @param form the form
	 * @return the loan, or {@code null} without a price and a down payment
	 */
	public static @Nullable BigDecimal loanAmount(MortgageForm form) {
		BigDecimal price = form.propertyPrice();
		BigDecimal down = form.downPayment();
		if (price == null || down == null) {
			return null;
		}
		return price.subtract(down).max(BigDecimal.ZERO);
	}

	private static BigDecimal monthlyRate(BigDecimal annualRatePercent) {
		return annualRatePercent.divide(HUNDRED, MATH).divide(TWELVE, MATH);
	}

	private static BigDecimal rate(MortgageForm form) {
		return (form.interestRate() != null) ? form.interestRate() : BigDecimal.ZERO;
	}

	private static int years(MortgageForm form) {
		return (form.loanTermYears() != null) ? form.loanTermYears().intValueExact() : 0;
	}

}
