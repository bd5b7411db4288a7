package dev.sessionkit.benchmarks.payload;

import java.io.Serializable;

/**
 * The mortgage application form a chatbot fills in over a conversation: about 1 KB as
 * JSON, the typical large attribute of a session.
 *
 * @param applicationId the application's reference
 * @param firstName the applicant's first name
 * @param lastName the applicant's last name
 * @param email the applicant's email address
 * @param phone the applicant's phone number
 * @param dateOfBirth the applicant's date of birth, ISO-8601
 * @param street street and number
 * @param city city
 * @param postcode postcode
 * @param country country
 * @param employmentStatus employed, self-employed, retired...
 * @param employer the employer's name
 * @param yearsEmployed years with the current employer
 * @param annualIncome gross annual income, in cents
 * @param monthlyDebts monthly debt payments, in cents
 * @param propertyValue the property's value, in cents
 * @param deposit the deposit, in cents
 * @param loanAmount the amount to borrow, in cents
 * @param termYears the loan's term
 * @param rateType fixed or variable
 * @param firstTimeBuyer whether the applicant buys a first home
 * @param consentToCreditCheck whether the applicant agreed to a credit check
 * @param step the form's current step
 * @param notes free text the applicant typed
 */
public record MortgageForm(String applicationId, String firstName, String lastName, String email, String phone,
		String dateOfBirth, String street, String city, String postcode, String country, String employmentStatus,
		String employer, int yearsEmployed, long annualIncome, long monthlyDebts, long propertyValue, long deposit,
		long loanAmount, int termYears, String rateType, boolean firstTimeBuyer, boolean consentToCreditCheck, int step,
		String notes) implements Serializable {

}
