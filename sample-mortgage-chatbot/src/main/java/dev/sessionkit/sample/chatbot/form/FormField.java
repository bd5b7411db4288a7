package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A field of the mortgage form: its JSON name, the range of sensible values, how a typed
 * value is read, and the question the chatbot asks for it.
 */
public enum FormField {

	/** Gross (before tax) yearly income. */
	ANNUAL_INCOME("annualIncome", "Gross annual income", Unit.MONEY, "1", "100000000",
			"What is your gross annual income, before tax?"),

	/** What the user already pays each month on other debts. */
	MONTHLY_DEBTS("monthlyDebts", "Monthly debts", Unit.MONEY, "0", "10000000",
			"How much do you pay each month on other debts (car, student loans, credit cards)? Say 0 if none."),

	/** Credit score on the FICO scale. */
	CREDIT_SCORE("creditScore", "Credit score", Unit.SCORE, "300", "850", "What is your credit score (300 to 850)?"),

	/** Cash put down on the property. */
	DOWN_PAYMENT("downPayment", "Down payment", Unit.MONEY, "0", "1000000000", "How much can you put down?"),

	/** Price of the property. */
	PROPERTY_PRICE("propertyPrice", "Property price", Unit.MONEY, "1000", "1000000000",
			"What is the price of the property you have in mind?"),

	/** Repayment period in years. */
	LOAN_TERM("loanTermYears", "Loan term", Unit.YEARS, "1", "40",
			"Over how many years would you repay the loan (for example 15 or 30)?"),

	/** Yearly interest rate, in percent. */
	INTEREST_RATE("interestRate", "Interest rate", Unit.PERCENT, "0", "25",
			"What yearly interest rate were you offered, in percent (for example 6.5)?");

	/** Longest text accepted as a number, so that a huge input is refused unread. */
	static final int MAX_INPUT_LENGTH = 40;

	private final String jsonName;

	private final String label;

	private final Unit unit;

	private final BigDecimal min;

	private final BigDecimal max;

	private final String question;

	FormField(String jsonName, String label, Unit unit, String min, String max, String question) {
		this.jsonName = jsonName;
		this.label = label;
		this.unit = unit;
		this.min = new BigDecimal(min);
		this.max = new BigDecimal(max);
		this.question = question;
	}

	/**
	 * Returns the field's name in JSON and in the page, such as {@code annualIncome}.
	 * @return the JSON name
	 */
	public String jsonName() {
		return this.jsonName;
	}

	/**
	 * Returns the label people read, such as {@code Gross annual income}.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Returns the question the chatbot asks when this field is missing.
	 * @return the question
	 */
	public String question() {
		return this.question;
	}

	/**
	 * Returns the field with the given JSON name.
	 * @param jsonName a name such as {@code annualIncome}
	 * @return the field, if there is one
	 */
	public static Optional<FormField> fromJsonName(String jsonName) {
		for (FormField field : values()) {
			if (field.jsonName.equals(jsonName)) {
				return Optional.of(field);
			}
		}
		return Optional.empty();
	}

	/**
	 * Reads and checks a value typed into this field. Blank means "not filled in";
	 * thousands separators, a leading {@code $} and a trailing {@code %} are ignored.
	 * @param raw a string or a number from JSON, or {@code null}
	 * @return the value, or {@code null} if the field is left empty
	 * @throws InvalidFieldException with a message for people if the value is not a
	 * sensible number for this field
	 */
	public @Nullable BigDecimal parse(@Nullable Object raw) {
		if (raw == null) {
			return null;
		}
		if (!(raw instanceof String) && !(raw instanceof Number)) {
			throw invalid(this.label + " must be a number, like " + this.unit.example + ".");
		}
		String text = raw.toString().trim();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_INPUT_LENGTH) {
			throw invalid(this.label + " is too long to be a number.");
		}
		String cleaned = text.replace(",", "").replace("_", "").replace(" ", "");
		if (cleaned.startsWith("$")) {
			cleaned = cleaned.substring(1);
		}
		if (cleaned.endsWith("%")) {
			cleaned = cleaned.substring(0, cleaned.length() - 1);
		}
		BigDecimal value;
		try {
			value = new BigDecimal(cleaned);
		}
		catch (NumberFormatException ex) {
			throw invalid(this.label + " must be a number, like " + this.unit.example + ".");
		}
		return check(value);
	}

	private BigDecimal check(BigDecimal value) {
		if (value.signum() < 0) {
			throw invalid(this.label + " cannot be negative.");
		}
		if (value.compareTo(this.max) > 0) {
			boolean printable = value.precision() - value.scale() <= MAX_INPUT_LENGTH;
			throw invalid(this.label + (printable ? " of " + describe(value) : "") + " looks too large: at most "
					+ describe(this.max) + " is accepted.");
		}
		if (value.compareTo(this.min) < 0) {
			throw invalid(this.label + " must be at least " + describe(this.min) + ".");
		}
		if (this.unit.wholeNumber && value.stripTrailingZeros().scale() > 0) {
			throw invalid(this.label + " must be a whole number.");
		}
		return (value.scale() > this.unit.scale) ? value.setScale(this.unit.scale, RoundingMode.HALF_UP) : value;
	}

	/**
	 * Describes a value of this field for people, such as {@code $85,000}, {@code 6.5%}
	 * or {@code 30 years}.
	 * @param value the value
	 * @return the description
	 */
	public String describe(BigDecimal value) {
		return switch (this.unit) {
			case MONEY -> Formats.money(value);
			case PERCENT -> Formats.number(value) + "%";
			case YEARS -> Formats.number(value) + ((value.compareTo(BigDecimal.ONE) == 0) ? " year" : " years");
			case SCORE -> Formats.number(value);
		};
	}

	private InvalidFieldException invalid(String message) {
		return new InvalidFieldException(this, message);
	}

	/**
	 * Returns the label in lower case, for use inside a sentence.
	 * @return the label, such as {@code gross annual income}
	 */
	public String noun() {
		return this.label.toLowerCase(Locale.ROOT);
	}

	/**
	 * How a field's values are written and checked.
	 */
	private enum Unit {

		MONEY(2, false, "85000"), PERCENT(3, false, "6.5"), YEARS(0, true, "30"), SCORE(0, true, "720");

		private final int scale;

		private final boolean wholeNumber;

		private final String example;

		Unit(int scale, boolean wholeNumber, String example) {
			this.scale = scale;
			this.wholeNumber = wholeNumber;
			this.example = example;
		}

	}

}
