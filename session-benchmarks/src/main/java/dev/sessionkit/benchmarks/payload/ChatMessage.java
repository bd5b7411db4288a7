package dev.sessionkit.benchmarks.payload;

import java.io.Serializable;

/**
 * One message of the chat history kept in the session.
 *
 * @param role {@code user} or {@code assistant}
 * @param text what was said
 * @param sentAt when, in epoch milliseconds
 */
public record ChatMessage(String role, String text, long sentAt) implements Serializable {

}
