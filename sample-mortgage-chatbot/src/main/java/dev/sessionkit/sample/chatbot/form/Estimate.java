package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the form allows to work out so far; each figure is {@code null} until the fields
 * it needs are filled in. Never stored: it is computed from the form on every request.
 *
 * @param monthlyIncome gross monthly income
 * @param loanAmount price less down payment
 * @param monthlyPayment monthly payment of that loan
 * @param currentDebtToIncome other debts as a share of monthly income, in percent
 * @param debtToIncome other debts plus the new payment as a share of monthly income, in
 * percent
 * @param maxMonthlyPayment largest monthly payment the lending limits allow
 * @param maxLoan largest loan that payment repays
 * @param loanToValue loan as a share of the price, in percent
 * @param missing JSON names of the fields still empty
 */
public record Estimate(@Nullable BigDecimal monthlyIncome, @Nullable BigDecimal loanAmount,
		@Nullable BigDecimal monthlyPayment, @Nullable BigDecimal currentDebtToIncome,
		@Nullable BigDecimal debtToIncome, @Nullable BigDecimal maxMonthlyPayment, @Nullable BigDecimal maxLoan,
		@Nullable BigDecimal loanToValue, List<String> missing) {

}
