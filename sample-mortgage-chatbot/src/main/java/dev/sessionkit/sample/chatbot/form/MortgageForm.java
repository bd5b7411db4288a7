package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the user has typed into the mortgage form so far; any field may still be empty.
 * Stored in the session as it is, a small JSON object.
 *
 * @param annualIncome gross annual income
 * @param monthlyDebts monthly payments on other debts
 * @param creditScore credit score, 300 to 850
 * @param downPayment down payment
 * @param propertyPrice price of the property
 * @param loanTermYears repayment period in years
 * @param interestRate yearly interest rate in percent
 */
public record MortgageForm(@Nullable BigDecimal annualIncome, @Nullable BigDecimal monthlyDebts,
		@Nullable BigDecimal creditScore, @Nullable BigDecimal downPayment, @Nullable BigDecimal propertyPrice,
		@Nullable BigDecimal loanTermYears, @Nullable BigDecimal interestRate) {

	/** The form before the user typed anything. */
	public static final MortgageForm EMPTY = new MortgageForm(null, null, null, null, null, null, null);

	/**
	 * Returns the value of a field.
	 * @param field the field
	 * @return its value, or {@code null} if it is empty
	 */
	public @Nullable BigDecimal get(FormField field) {
		return switch (field) {
			case ANNUAL_INCOME -> this.annualIncome;
			case MONTHLY_DEBTS -> this.monthlyDebts;
			case CREDIT_SCORE -> this.creditScore;
			case DOWN_PAYMENT -> this.downPayment;
			case PROPERTY_PRICE -> this.propertyPrice;
			case LOAN_TERM -> this.loanTermYears;
			case INTEREST_RATE -> this.interestRate;
		};
	}

	/**
	 * Returns a copy with one field changed.
	 * @param field the field
	 * @param value its new value, or {@code null} to empty it
	 * @return the changed form
	 */
	public MortgageForm with(FormField field, @Nullable BigDecimal value) {
		return new MortgageForm(pick(field, FormField.ANNUAL_INCOME, value, this.annualIncome),
				pick(field, FormField.MONTHLY_DEBTS, value, this.monthlyDebts),
				pick(field, FormField.CREDIT_SCORE, value, this.creditScore),
				pick(field, FormField.DOWN_PAYMENT, value, this.downPayment),
				pick(field, FormField.PROPERTY_PRICE, value, this.propertyPrice),
				pick(field, FormField.LOAN_TERM, value, this.loanTermYears),
				pick(field, FormField.INTEREST_RATE, value, this.interestRate));
	}

	/**
	 * Returns the given fields that are still empty, in the order given.
	 * @param fields the fields needed
	 * @return the empty ones
	 */
	public List<FormField> missing(List<FormField> fields) {
		List<FormField> missing = new ArrayList<>();
		for (FormField field : fields) {
			if (get(field) == null) {
				missing.add(field);
			}
		}
		return missing;
	}

	/**
	 * Returns a copy with the given input applied: each entry, keyed by JSON field name,
	 * is read with {@link FormField#parse}. With {@code replace}, fields missing from the
	 * input are emptied; otherwise they are kept. Either every entry is valid and
	 * applied, or none is.
	 * @param input values keyed by JSON field name, as strings or numbers
	 * @param replace whether the input is the whole form
	 * @return the updated form
	 * @throws FormValidationException naming each unknown or invalid field
	 */
	public MortgageForm apply(Map<String, ? extends @Nullable Object> input, boolean replace) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String name : input.keySet()) {
			if (FormField.fromJsonName(name).isEmpty()) {
				errors.put(name, "Unknown field '" + name + "'.");
			}
		}
		MortgageForm updated = replace ? EMPTY : this;
		for (FormField field : FormField.values()) {
			if (!input.containsKey(field.jsonName())) {
				continue;
			}
			try {
				updated = updated.with(field, field.parse(input.get(field.jsonName())));
			}
			catch (InvalidFieldException ex) {
				errors.put(field.jsonName(), ex.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw new FormValidationException(errors);
		}
		return updated;
	}

	private static @Nullable BigDecimal pick(FormField changed, FormField field, @Nullable BigDecimal value,
			@Nullable BigDecimal current) {
		return (changed == field) ? value : current;
	}

}
