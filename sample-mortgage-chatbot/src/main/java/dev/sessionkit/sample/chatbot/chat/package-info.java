/**
 * The rule-based chatbot and the conversation it keeps in the session.
 */
@NullMarked
package dev.sessionkit.sample.chatbot.chat;

import org.jspecify.annotations.NullMarked;
