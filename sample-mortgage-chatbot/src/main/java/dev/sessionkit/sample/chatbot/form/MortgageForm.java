package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the user has typed into the mortgage form so far; any field may still be empty.
 *
 * @param annualIncome gross annual income
 * @param monthlyDebts monthly debt payments
 * @param propertyPrice price of the property
 * @param downPayment down payment
 */
public record MortgageForm(@Nullable BigDecimal annualIncome, @Nullable BigDecimal monthlyDebts,
		@Nullable BigDecimal propertyPrice, @Nullable BigDecimal downPayment) {

	/** The form before the user typed anything. */
	public static final MortgageForm EMPTY = new MortgageForm(null, null, null, null);

}
