package dev.sessionkit.sample.chatbot.chat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.sessionkit.sample.chatbot.chat.MortgageAdvisor.Topic;
import dev.sessionkit.sample.chatbot.form.Estimate;
import dev.sessionkit.sample.chatbot.form.FormField;
import dev.sessionkit.sample.chatbot.form.Formats;
import dev.sessionkit.sample.chatbot.form.MortgageCalculator;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import org.jspecify.annotations.Nullable;

/**
 * The chatbot's answers for one form: each figure with the arithmetic behind it.
 */
final class Explanations {

	static final String GENERAL = """
			Here is how I work things out. Debt-to-income (DTI) is what you pay on debts each month divided \
			by your gross monthly income; lenders usually want 43% or less. The most you can borrow follows \
			from the largest payment lenders allow: 28% of your gross monthly income for the mortgage, and no \
			more than 43% for all debts together. The monthly payment uses the standard amortisation formula \
			M = P × r × (1 + r)^n ÷ ((1 + r)^n − 1), where P is the loan, r the monthly rate and n the number \
			of monthly payments.""";

	private final MortgageForm form;

	private final Estimate estimate;

	Explanations(MortgageForm form) {
		this.form = form;
		this.estimate = MortgageCalculator.estimate(form);
	}

	/**
	 * Answers a question topic; the fields it needs are filled in.
	 */
	String of(Topic topic) {
		return switch (topic) {
			case DTI -> debtToIncome();
			case MAX_LOAN -> maxLoan();
			case PAYMENT -> payment();
			case CREDIT -> credit();
			default -> throw new IllegalArgumentException("Not a question: " + topic);
		};
	}

	/**
	 * Explains every figure the form allows so far, or the method in general if none.
	 */
	String explainAll() {
		List<String> explained = new ArrayList<>();
		for (Topic topic : Topic.FIGURES) {
			if (this.form.missing(topic.needs()).isEmpty()) {
				explained.add(of(topic));
			}
		}
		return explained.isEmpty() ? GENERAL : String.join("\n\n", explained);
	}

	String debtToIncome() {
		BigDecimal debts = value(FormField.MONTHLY_DEBTS);
		BigDecimal income = required(this.estimate.monthlyIncome());
		BigDecimal current = required(this.estimate.currentDebtToIncome());
		StringBuilder text = new StringBuilder(
				"Debt-to-income (DTI) is what you pay on debts each month divided by your gross monthly income. ");
		BigDecimal withMortgage = this.estimate.debtToIncome();
		BigDecimal payment = this.estimate.monthlyPayment();
		if (withMortgage != null && payment != null) {
			text.append("With the new mortgage: (")
				.append(Formats.money(debts))
				.append(" + ")
				.append(Formats.money(payment))
				.append(") ÷ ")
				.append(Formats.money(income))
				.append(" = ")
				.append(Formats.percent(withMortgage))
				.append("; without it, ")
				.append(Formats.percent(current))
				.append(". ")
				.append(verdict(withMortgage));
		}
		else {
			text.append("Yours today: ")
				.append(Formats.money(debts))
				.append(" ÷ ")
				.append(Formats.money(income))
				.append(" = ")
				.append(Formats.percent(current))
				.append(". ")
				.append(verdict(current))
				.append(" Add the price, down payment, term and rate and I will include the new mortgage payment.");
		}
		return text.toString();
	}

	String maxLoan() {
		BigDecimal income = required(this.estimate.monthlyIncome());
		BigDecimal debts = value(FormField.MONTHLY_DEBTS);
		BigDecimal housing = MortgageCalculator.share(income, MortgageCalculator.HOUSING_LIMIT);
		BigDecimal total = MortgageCalculator.share(income, MortgageCalculator.TOTAL_DEBT_LIMIT).subtract(debts);
		BigDecimal maxPayment = required(this.estimate.maxMonthlyPayment());
		BigDecimal maxLoan = required(this.estimate.maxLoan());
		StringBuilder text = new StringBuilder("Lenders usually keep the mortgage payment under 28% of gross monthly "
				+ "income and all debts together under 43%. For you that is the lower of 28% × ")
			.append(Formats.money(income))
			.append(" = ")
			.append(Formats.money(housing))
			.append(" and 43% × ")
			.append(Formats.money(income))
			.append(" − ")
			.append(Formats.money(debts))
			.append(" = ")
			.append(Formats.money(total))
			.append(": ")
			.append(Formats.money(maxPayment))
			.append(" a month. ");
		if (maxPayment.signum() == 0) {
			return text
				.append("Your current debts already use up the 43% limit, so lenders are unlikely to offer a loan.")
				.toString();
		}
		text.append("At ")
			.append(FormField.INTEREST_RATE.describe(value(FormField.INTEREST_RATE)))
			.append(" over ")
			.append(FormField.LOAN_TERM.describe(value(FormField.LOAN_TERM)))
			.append(" that repays a loan of up to ")
			.append(Formats.dollars(maxLoan))
			.append(".");
		BigDecimal down = this.form.downPayment();
		if (down != null) {
			text.append(" With your ")
				.append(Formats.money(down))
				.append(" down payment, that means a property of up to about ")
				.append(Formats.dollars(maxLoan.add(down)))
				.append(".");
		}
		return text.toString();
	}

	String payment() {
		BigDecimal loan = required(this.estimate.loanAmount());
		BigDecimal payment = required(this.estimate.monthlyPayment());
		BigDecimal rate = value(FormField.INTEREST_RATE);
		BigDecimal years = value(FormField.LOAN_TERM);
		int payments = years.intValueExact() * 12;
		if (loan.signum() == 0) {
			return "Your down payment covers the whole price, so there is no loan and no monthly payment.";
		}
		StringBuilder text = new StringBuilder("For a loan of ").append(Formats.money(loan))
			.append(" (")
			.append(Formats.money(value(FormField.PROPERTY_PRICE)))
			.append(" price − ")
			.append(Formats.money(value(FormField.DOWN_PAYMENT)))
			.append(" down) at ")
			.append(FormField.INTEREST_RATE.describe(rate))
			.append(" over ")
			.append(FormField.LOAN_TERM.describe(years))
			.append(", the monthly payment is ")
			.append(Formats.money(payment))
			.append(". ");
		if (rate.signum() == 0) {
			text.append("At 0% it is simply the loan divided by the ").append(payments).append(" monthly payments.");
		}
		else {
			BigDecimal monthlyRate = rate.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
			text.append("That is the standard amortisation formula M = P × r × (1 + r)^n ÷ ((1 + r)^n − 1), with P = ")
				.append(Formats.money(loan))
				.append(", r = ")
				.append(Formats.number(rate))
				.append("% ÷ 12 = ")
				.append(Formats.number(monthlyRate.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()))
				.append("% a month and n = ")
				.append(payments)
				.append(" payments.");
		}
		return text.append(" Property tax and insurance are not included.").toString();
	}

	String credit() {
		int score = value(FormField.CREDIT_SCORE).intValueExact();
		String meaning;
		if (score >= 740) {
			meaning = "excellent: you should be offered the best rates.";
		}
		else if (score >= 670) {
			meaning = "good: you should qualify for a conventional loan.";
		}
		else if (score >= 620) {
			meaning = "fair: a conventional loan is possible, usually at a higher rate.";
		}
		else if (score >= 580) {
			meaning = "below the usual 620 minimum for a conventional loan; an FHA loan (3.5% down) is the likely route.";
		}
		else {
			meaning = "low: most lenders will decline; FHA loans may accept 500 to 579 with 10% down.";
		}
		return "A credit score of " + score + " is " + meaning;
	}

	/**
	 * Sums everything up once every field is filled in.
	 */
	String summary() {
		List<String> lines = new ArrayList<>();
		lines.add("Here is where you stand:");
		BigDecimal loan = required(this.estimate.loanAmount());
		BigDecimal payment = required(this.estimate.monthlyPayment());
		BigDecimal dti = required(this.estimate.debtToIncome());
		BigDecimal maxPayment = required(this.estimate.maxMonthlyPayment());
		BigDecimal maxLoan = required(this.estimate.maxLoan());
		lines.add("• Loan: " + Formats.money(loan) + " (" + Formats.percent(required(this.estimate.loanToValue()))
				+ " of the price).");
		lines.add("• Monthly payment: " + Formats.money(payment) + " over "
				+ FormField.LOAN_TERM.describe(value(FormField.LOAN_TERM)) + " at "
				+ FormField.INTEREST_RATE.describe(value(FormField.INTEREST_RATE)) + ".");
		lines.add("• Debt-to-income with this mortgage: " + Formats.percent(dti)
				+ " (lenders usually want 43% or less).");
		lines.add("• Most you can borrow: " + Formats.dollars(maxLoan) + " (a payment of up to "
				+ Formats.money(maxPayment) + " a month).");
		lines.add("• " + credit());
		if (payment.compareTo(maxPayment) > 0) {
			lines.add("This loan is above what the usual limits allow: a larger down payment, a cheaper property "
					+ "or a longer term would help.");
		}
		else {
			lines.add("This loan is within the usual limits.");
		}
		lines.add("Ask \"explain\" to see how each figure is worked out.");
		return String.join("\n", lines);
	}

	private static String verdict(BigDecimal dti) {
		if (dti.compareTo(new BigDecimal("36")) <= 0) {
			return "That is comfortable: lenders usually want 43% or less.";
		}
		if (dti.compareTo(MortgageCalculator.TOTAL_DEBT_LIMIT) <= 0) {
			return "That is within the usual 43% limit, though on the high side.";
		}
		return "That is above the 43% most lenders accept.";
	}

	private BigDecimal value(FormField field) {
		return required(this.form.get(field));
	}

	private static BigDecimal required(@Nullable BigDecimal value) {
		return Objects.requireNonNull(value, "needed figure");
	}

}
