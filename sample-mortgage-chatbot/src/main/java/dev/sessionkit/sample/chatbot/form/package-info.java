/**
 * The mortgage form, kept in the session as the user types.
 */
@NullMarked
package dev.sessionkit.sample.chatbot.form;

import org.jspecify.annotations.NullMarked;
