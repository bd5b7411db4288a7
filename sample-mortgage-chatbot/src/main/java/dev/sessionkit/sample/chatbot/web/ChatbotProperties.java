package dev.sessionkit.sample.chatbot.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sample, under {@code chatbot}.
 */
@ConfigurationProperties("chatbot")
public class ChatbotProperties {

	/**
	 * Origins of a frontend hosted elsewhere, comma-separated, such as
	 * https://app.example.com. Set from FRONTEND_URL. Empty (the default) serves the page
	 * and the API from one origin with a first-party cookie.
	 */
	private String frontendUrl = "";

	/**
	 * Longest chat message, in characters.
	 */
	private int maxMessageLength = 1000;

	/**
	 * Largest request body the API reads.
	 */
	private DataSize maxRequestSize = DataSize.ofKilobytes(16);

	public String getFrontendUrl() {
		return this.frontendUrl;
	}

	public void setFrontendUrl(String frontendUrl) {
		this.frontendUrl = frontendUrl;
	}

	public int getMaxMessageLength() {
		return this.maxMessageLength;
	}

	public void setMaxMessageLength(int maxMessageLength) {
		this.maxMessageLength = maxMessageLength;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

}
