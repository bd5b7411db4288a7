package dev.sessionkit.sample.chatbot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The mortgage chatbot sample: its state lives only in the HTTP session, which SessionKit
 * keeps in memory by default and in Redis when {@code REDIS_URL} is set.
 */
@SpringBootApplication
public class MortgageChatbotApplication {

	public static void main(String[] args) {
		SpringApplication.run(MortgageChatbotApplication.class, args);
	}

}
