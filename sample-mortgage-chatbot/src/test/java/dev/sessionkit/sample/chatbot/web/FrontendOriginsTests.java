package dev.sessionkit.sample.chatbot.web;

import dev.sessionkit.sample.chatbot.MortgageChatbotApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code FRONTEND_URL} accepts exact origins only: never a wildcard, a path or another
 * scheme; a bad value stops startup.
 */
class FrontendOriginsTests {

	@Test
	void readsCommaSeparatedOrigins() {
		assertThat(FrontendOrigins.parse(" https://App.Example.com/ ,http://localhost:5173").origins())
			.containsExactly("https://app.example.com", "http://localhost:5173");
	}

	@Test
	void refusesWildcardsPathsAndOtherSchemes() {
		assertRefused("*", "Wildcards are not allowed");
		assertRefused("https://*.onrender.com", "Wildcards are not allowed");
		assertRefused("https://app.example.com/app", "is not an origin");
		assertRefused("ftp://app.example.com", "is not an origin");
		assertRefused("app.example.com", "is not an origin");
		assertRefused("https://user@app.example.com", "is not an origin");
		assertRefused(" , ", "It names no origin.");
	}

	@Test
	void aWildcardStopsStartup() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(MortgageChatbotApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1", "FRONTEND_URL=*")
			.run()
			.close()).hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
			.rootCause()
			.hasMessageContaining("FRONTEND_URL must list the frontend's exact origins");
	}

	private static void assertRefused(String value, String reason) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> FrontendOrigins.parse(value))
			.withMessageContaining("chatbot.frontend-url")
			.withMessageContaining(reason);
	}

}
