package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saves and restores the mortgage form in the HTTP session.
 */
@RestController
@RequestMapping("/api/form")
class FormController {

	static final String ATTRIBUTE = "mortgageForm";

	private static final BigDecimal LIMIT = new BigDecimal("1000000000");

	@GetMapping
	MortgageForm get(HttpSession session) {
		Object form = session.getAttribute(ATTRIBUTE);
		return (form instanceof MortgageForm mortgageForm) ? mortgageForm : MortgageForm.EMPTY;
	}

	@PutMapping
	ResponseEntity<?> put(@RequestBody MortgageForm form, HttpSession session) {
		boolean invalid = Stream.of(form.annualIncome(), form.monthlyDebts(), form.propertyPrice(), form.downPayment())
			.anyMatch((value) -> value != null && (value.signum() < 0 || value.compareTo(LIMIT) > 0));
		if (invalid) {
			return ResponseEntity.badRequest().body(Map.of("error", "Amounts must be between 0 and 1,000,000,000."));
		}
		session.setAttribute(ATTRIBUTE, form);
		return ResponseEntity.ok(form);
	}

}
