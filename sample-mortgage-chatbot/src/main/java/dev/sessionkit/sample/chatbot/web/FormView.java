package dev.sessionkit.sample.chatbot.web;

import dev.sessionkit.sample.chatbot.form.Estimate;
import dev.sessionkit.sample.chatbot.form.MortgageCalculator;
import dev.sessionkit.sample.chatbot.form.MortgageForm;

/**
 * The form as the API returns it, with what it allows to work out.
 *
 * @param form the form
 * @param estimate the figures worked out from it
 */
public record FormView(MortgageForm form, Estimate estimate) {

	static FormView of(MortgageForm form) {
		return new FormView(form, MortgageCalculator.estimate(form));
	}

}
