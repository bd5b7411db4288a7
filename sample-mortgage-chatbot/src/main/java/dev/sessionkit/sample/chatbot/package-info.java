/**
 * The mortgage chatbot sample application.
 */
@NullMarked
package dev.sessionkit.sample.chatbot;

import org.jspecify.annotations.NullMarked;
