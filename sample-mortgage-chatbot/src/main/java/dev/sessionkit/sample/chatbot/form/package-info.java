/**
 * The mortgage form kept in the session, how its values are read and checked, and the
 * mortgage arithmetic.
 */
@NullMarked
package dev.sessionkit.sample.chatbot.form;

import org.jspecify.annotations.NullMarked;
