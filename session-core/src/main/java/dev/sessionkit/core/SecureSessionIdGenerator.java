package dev.sessionkit.core;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/**
 * Generates session ids of 192 random bits from {@link SecureRandom}, as 32 URL-safe
 * Base64 characters, so they can travel in cookies, headers and Redis keys unescaped.
 */
public final class SecureSessionIdGenerator implements SessionIdGenerator {

	private static final SecureSessionIdGenerator INSTANCE = new SecureSessionIdGenerator();

	private static final int RANDOM_BYTES = 24;

	private final SecureRandom random = new SecureRandom();

	private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

	private SecureSessionIdGenerator() {
	}

	/**
	 * Returns the shared instance.
	 * @return the generator
	 */
	public static SecureSessionIdGenerator getInstance() {
		return INSTANCE;
	}

	@Override
	public String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		return this.encoder.encodeToString(bytes);
	}

}
