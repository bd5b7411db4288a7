package dev.sessionkit.sample.chatbot.chat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sessionkit.sample.chatbot.form.FormField;
import org.jspecify.annotations.Nullable;

/**
 * Finds form values in a chat message, such as "income 85k, debts 400" or "30 years at
 * 6.5%". Each number goes to the field a nearby word names; a number with {@code %} is a
 * rate and one followed by "years" a term; a lone number answers the field the chatbot
 * asked for. Values are returned as text, to be checked by {@link FormField#parse}.
 */
final class MessageReader {

	private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

	private static final Pattern CLAUSE_WORD = Pattern.compile("\\b(?:and|but|with|also|then)\\b");

	private static final Pattern YEARS_AFTER = Pattern.compile("^\\s*-?\\s*(?:years?|yrs?)\\b");

	/**
	 * Phrases that name a topic, not a field, blanked out before keywords are looked for.
	 */
	private static final List<String> TOPICS = List.of("debt-to-income", "debt to income", "debt/income",
			"monthly payment", "mortgage payment");

	private static final Map<FormField, List<String>> KEYWORDS = keywords();

	private MessageReader() {
	}

	/**
	 * Reads the form values in a message.
	 * @param message the message
	 * @param awaiting the field the chatbot asked for, which a lone number answers
	 * @return the values found, and the numbers that named no field
	 */
	static Values read(String message, @Nullable FormField awaiting) {
		String text = blankTopics(message.toLowerCase(Locale.ROOT));
		List<Token> numbers = numbers(text);
		List<Keyword> keywords = keywords(text);
		int[] clauses = clauses(text);
		Map<FormField, String> found = new LinkedHashMap<>();
		List<String> unassigned = new ArrayList<>();
		for (Token number : numbers) {
			FormField field = fieldFor(number, text, keywords, clauses);
			if (field == null && awaiting != null && numbers.size() == 1) {
				field = awaiting;
			}
			if (field != null) {
				found.put(field, number.value());
			}
			else {
				unassigned.add(number.value());
			}
		}
		return new Values(found, unassigned);
	}

	private static @Nullable FormField fieldFor(Token number, String text, List<Keyword> keywords, int[] clauses) {
		if (number.percent()) {
			return FormField.INTEREST_RATE;
		}
		if (YEARS_AFTER.matcher(text.substring(number.end())).find()) {
			return FormField.LOAN_TERM;
		}
		Keyword nearest = null;
		int nearestDistance = Integer.MAX_VALUE;
		for (Keyword keyword : keywords) {
			if (clauses[keyword.start()] != clauses[number.start()]) {
				continue;
			}
			boolean before = keyword.end() <= number.start();
			int distance = before ? number.start() - keyword.end() : keyword.start() - number.end();
			// A keyword before the number wins a tie: "price 400k down 80k".
			if (distance < nearestDistance || (distance == nearestDistance && before)) {
				nearest = keyword;
				nearestDistance = distance;
			}
		}
		return (nearest != null) ? nearest.field() : null;
	}

	private static List<Token> numbers(String text) {
		List<Token> tokens = new ArrayList<>();
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			int start = matcher.start();
			int end = matcher.end();
			String digits = matcher.group();
			while (digits.endsWith(",")) {
				digits = digits.substring(0, digits.length() - 1);
				end--;
			}
			if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
				continue;
			}
			int signAt = (start > 0 && text.charAt(start - 1) == '$') ? start - 1 : start;
			boolean negative = signAt > 0 && text.charAt(signAt - 1) == '-'
					&& (signAt == 1 || !Character.isLetterOrDigit(text.charAt(signAt - 2)));
			BigDecimal multiplier = BigDecimal.ONE;
			if (end < text.length() && (text.charAt(end) == 'k' || text.charAt(end) == 'm')
					&& (end + 1 == text.length() || !Character.isLetter(text.charAt(end + 1)))) {
				multiplier = (text.charAt(end) == 'k') ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(1_000_000);
				end++;
			}
			int after = end;
			while (after < text.length() && text.charAt(after) == ' ') {
				after++;
			}
			boolean percent = after < text.length() && text.charAt(after) == '%';
			String value = digits;
			if (multiplier.compareTo(BigDecimal.ONE) != 0) {
				value = new BigDecimal(digits.replace(",", "")).multiply(multiplier).toPlainString();
			}
			tokens.add(new Token((negative ? "-" : "") + value, start, end, percent));
		}
		return tokens;
	}

	private static List<Keyword> keywords(String text) {
		List<Keyword> found = new ArrayList<>();
		KEYWORDS.forEach((field, words) -> {
			for (String word : words) {
				int from = 0;
				int at;
				while ((at = text.indexOf(word, from)) >= 0) {
					if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
						found.add(new Keyword(field, at, at + word.length()));
					}
					from = at + 1;
				}
			}
		});
		// "credit card" is a debt, not a credit score: a keyword inside a longer one
		// does not count.
		found.removeIf((inner) -> found.stream()
			.anyMatch((outer) -> outer != inner && outer.start() <= inner.start() && inner.end() <= outer.end()
					&& outer.end() - outer.start() > inner.end() - inner.start()));
		return found;
	}

	/**
	 * Numbers each character with its clause: clauses end at punctuation (not a comma
	 * between digits) and at words such as "and".
	 */
	private static int[] clauses(String text) {
		boolean[] boundary = new boolean[text.length() + 1];
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean betweenDigits = i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
					&& Character.isDigit(text.charAt(i + 1));
			if ((c == ',' || c == '.') && !betweenDigits) {
				boundary[i] = true;
			}
			if (c == ';' || c == '\n' || c == '!' || c == '?') {
				boundary[i] = true;
			}
		}
		Matcher words = CLAUSE_WORD.matcher(text);
		while (words.find()) {
			boundary[words.start()] = true;
		}
		int[] clauses = new int[text.length() + 1];
		int clause = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (boundary[i]) {
				clause++;
			}
			clauses[i] = clause;
		}
		return clauses;
	}

	private static String blankTopics(String text) {
		String blanked = text;
		for (String topic : TOPICS) {
			blanked = blanked.replace(topic, " ".repeat(topic.length()));
		}
		return blanked;
	}

	private static Map<FormField, List<String>> keywords() {
		Map<FormField, List<String>> keywords = new LinkedHashMap<>();
		keywords.put(FormField.ANNUAL_INCOME, List.of("income", "salary", "earn", "make", "gross"));
		keywords.put(FormField.MONTHLY_DEBTS,
				List.of("debt", "owe", "credit card", "car loan", "student loan", "car payment"));
		keywords.put(FormField.CREDIT_SCORE, List.of("credit", "score", "fico"));
		keywords.put(FormField.DOWN_PAYMENT, List.of("down", "deposit", "put"));
		keywords.put(FormField.PROPERTY_PRICE,
				List.of("price", "house", "home", "property", "cost", "condo", "apartment", "flat", "worth"));
		keywords.put(FormField.LOAN_TERM, List.of("term", "year", "yrs"));
		keywords.put(FormField.INTEREST_RATE, List.of("interest", "rate", "apr"));
		return keywords;
	}

	/**
	 * The values found in a message.
	 *
	 * @param values raw values by field, in the order found
	 * @param unassigned numbers that named no field
	 */
	record Values(Map<FormField, String> values, List<String> unassigned) {

	}

	private record Token(String value, int start, int end, boolean percent) {

	}

	private record Keyword(FormField field, int start, int end) {

	}

}
