package dev.sessionkit.sample.chatbot.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Formats amounts the way people write them: {@code $1,199.10}, {@code $467,016},
 * {@code 17.0%}.
 */
public final class Formats {

	private Formats() {
	}

	/**
	 * Formats an amount of money, with cents only when it has some.
	 * @param amount the amount
	 * @return the amount, such as {@code $85,000} or {@code $1,199.10}
	 */
	public static String money(BigDecimal amount) {
		BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
		boolean whole = cents.remainder(BigDecimal.ONE).signum() == 0;
		return "$" + format(whole ? "#,##0" : "#,##0.00", cents);
	}

	/**
	 * Formats an amount of money rounded to whole dollars.
	 * @param amount the amount
	 * @return the amount, such as {@code $467,016}
	 */
	public static String dollars(BigDecimal amount) {
		return "$" + format("#,##0", amount.setScale(0, RoundingMode.HALF_UP));
	}

	/**
	 * Formats a percentage with one decimal.
	 * @param percent the percentage, such as {@code 16.99}
	 * @return the percentage, such as {@code 17.0%}
	 */
	public static String percent(BigDecimal percent) {
		return format("#,##0.0", percent.setScale(1, RoundingMode.HALF_UP)) + "%";
	}

	/**
	 * Formats a plain number with thousands separators and the decimals it has.
	 * @param number the number
	 * @return the number, such as {@code 6.5} or {@code 1,000}
	 */
	public static String number(BigDecimal number) {
		return format("#,##0.########", number);
	}

	private static String format(String pattern, BigDecimal value) {
		DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

}
