package dev.sessionkit.sample.chatbot.chat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.sessionkit.sample.chatbot.form.FormField;
import dev.sessionkit.sample.chatbot.form.InvalidFieldException;
import dev.sessionkit.sample.chatbot.form.MortgageCalculator;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import org.jspecify.annotations.Nullable;

/**
 * The rule-based chatbot: takes form values from the message, asks for what is missing,
 * and answers with the debt-to-income ratio, the largest affordable loan and the monthly
 * payment, explaining how each is worked out. No external service is involved.
 */
public final class MortgageAdvisor {

	static final String HELP = """
			I'm a rule-based mortgage helper. Fill in the form or tell me here, for example \
			"income 85k, debts 400" or "price 350000, down 70000, 30 years at 6.5%". \
			Ask me for your debt-to-income ratio (DTI), how much you can borrow or your monthly payment, \
			and say "explain" to see how I work them out. \
			Everything stays in your session: reload the page and it is all still here.""";

	static final String INTRO = "I can work out your debt-to-income ratio, how much you can borrow and your monthly payment.";

	/**
	 * Answers a message.
	 * @param message what the user wrote, not blank
	 * @param form the form as it is
	 * @param awaiting the field the chatbot last asked for, if any
	 * @return the answer, the form with the values found in the message, and the field
	 * the chatbot now asks for
	 */
	public Advice advise(String message, MortgageForm form, @Nullable FormField awaiting) {
		MessageReader.Values found = MessageReader.read(message, awaiting);
		Applied applied = apply(found, form);
		MortgageForm updated = applied.form();
		List<String> parts = new ArrayList<>(applied.refusals());
		if (!applied.noted().isEmpty()) {
			parts.add("Noted: " + join(applied.noted()) + ".");
		}
		boolean unclear = applied.noted().isEmpty() && !found.unassigned().isEmpty();
		if (!found.unassigned().isEmpty()) {
			List<String> shown = found.unassigned().stream().distinct().limit(3).toList();
			parts.add("I'm not sure what to do with " + join(shown)
					+ "; tell me what it is, for example \"income 85000\" or \"debts 400\".");
		}
		Set<Topic> topics = Topic.in(message.toLowerCase(Locale.ROOT));
		Set<Topic> questions = EnumSet.noneOf(Topic.class);
		questions.addAll(topics);
		questions.retainAll(Topic.QUESTIONS);
		Explanations explanations = new Explanations(updated);
		List<FormField> missing = updated.missing(List.of(FormField.values()));
		FormField next = missing.isEmpty() ? null : missing.get(0);
		FormField asking = null;
		if (topics.contains(Topic.HELP)) {
			parts.add(HELP);
		}
		if (!questions.isEmpty()) {
			for (Topic topic : questions) {
				List<FormField> needed = updated.missing(topic.needs);
				if (needed.isEmpty()) {
					parts.add(explanations.of(topic));
				}
				else {
					parts.add("To work out " + topic.title + " I still need your " + nouns(needed) + ".");
					asking = (asking != null) ? asking : needed.get(0);
				}
			}
		}
		else if (topics.contains(Topic.EXPLAIN)) {
			parts.add(explanations.explainAll());
			asking = next;
		}
		else if (topics.contains(Topic.HELP)) {
			asking = next;
		}
		else if (applied.refusals().isEmpty() && !unclear) {
			if (next == null) {
				parts.add(explanations.summary());
			}
			else if (applied.noted().isEmpty()) {
				parts.add((updated.equals(MortgageForm.EMPTY) ? "Hi! " : "") + INTRO);
			}
			asking = next;
		}
		else if (unclear) {
			asking = next;
		}
		if (asking == null && !applied.refusals().isEmpty() && awaiting != null && updated.get(awaiting) == null) {
			asking = awaiting;
		}
		if (asking != null) {
			parts.add(asking.question());
		}
		return new Advice(String.join("\n\n", parts), updated, asking);
	}

	/**
	 * Applies the values found in a message to the form; a value that is not sensible is
	 * refused with a message and leaves its field as it was.
	 */
	private static Applied apply(MessageReader.Values found, MortgageForm form) {
		MortgageForm updated = form;
		List<String> noted = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (Map.Entry<FormField, String> entry : found.values().entrySet()) {
			FormField field = entry.getKey();
			try {
				BigDecimal value = field.parse(entry.getValue());
				updated = updated.with(field, value);
				noted.add(field.noun() + " " + ((value != null) ? field.describe(value) : "cleared"));
			}
			catch (InvalidFieldException ex) {
				refusals.add("That doesn't look right: " + ex.getMessage());
			}
		}
		return new Applied(updated, noted, refusals);
	}

	private static String nouns(List<FormField> fields) {
		return join(fields.stream().map(FormField::noun).toList());
	}

	private static String join(List<String> items) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
				+ items.get(items.size() - 1);
	}

	private record Applied(MortgageForm form, List<String> noted, List<String> refusals) {

	}

	/**
	 * The chatbot's answer.
	 *
	 * @param text the reply
	 * @param form the form with the values found in the message applied
	 * @param awaiting the field the reply asks for, if any
	 */
	public record Advice(String text, MortgageForm form, @Nullable FormField awaiting) {

	}

	/**
	 * What a message asks about.
	 */
	enum Topic {

		HELP("help", List.of(), "help", "hello", "hi", "hey", "what can you do"),

		EXPLAIN("an explanation", List.of(), "explain", "how do", "how does", "how is", "how are", "why", "what is",
				"what's", "what does", "mean"),

		DTI("your debt-to-income ratio", MortgageCalculator.DTI_FIELDS, "dti", "debt-to-income", "debt to income",
				"ratio"),

		MAX_LOAN("how much you can borrow", MortgageCalculator.MAX_LOAN_FIELDS, "afford", "borrow", "max",
				"how much can", "qualify", "biggest loan", "largest loan"),

		PAYMENT("your monthly payment", MortgageCalculator.PAYMENT_FIELDS, "monthly payment", "mortgage payment",
				"payment", "pay per month", "pay each month", "pay a month", "per month", "installment", "instalment"),

		CREDIT("what your credit score means", List.of(FormField.CREDIT_SCORE), "credit");

		/** The topics that ask for a figure. */
		static final Set<Topic> QUESTIONS = EnumSet.of(DTI, MAX_LOAN, PAYMENT, CREDIT);

		/** The figures that "explain" alone explains. */
		static final List<Topic> FIGURES = List.of(DTI, MAX_LOAN, PAYMENT);

		private final String title;

		private final List<FormField> needs;

		private final List<String> words;

		Topic(String title, List<FormField> needs, String... words) {
			this.title = title;
			this.needs = needs;
			this.words = List.of(words);
		}

		/**
		 * Returns the fields the answer needs.
		 */
		List<FormField> needs() {
			return this.needs;
		}

		/**
		 * Returns the topics a message mentions. "Down payment" is no question about the
		 * payment, nor "credit card" about the credit score, nor a message that gives a
		 * credit score a question about it.
		 */
		static Set<Topic> in(String text) {
			String cleaned = text.replace("down payment", " ").replace("credit card", " ").replace("car payment", " ");
			Set<Topic> topics = EnumSet.noneOf(Topic.class);
			for (Topic topic : values()) {
				for (String word : topic.words) {
					if (containsWord(cleaned, word)) {
						topics.add(topic);
					}
				}
			}
			if (topics.contains(CREDIT) && cleaned.matches("(?s).*credit[a-z ]*\\d.*")) {
				topics.remove(CREDIT);
			}
			return topics;
		}

		private static boolean containsWord(String text, String word) {
			int from = 0;
			int at;
			while ((at = text.indexOf(word, from)) >= 0) {
				int end = at + word.length();
				boolean startsWord = at == 0 || !Character.isLetter(text.charAt(at - 1));
				boolean endsWord = end == text.length() || !Character.isLetter(text.charAt(end));
				if (startsWord && endsWord) {
					return true;
				}
				from = at + 1;
			}
			return false;
		}

	}

}
