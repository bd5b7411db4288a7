/**
 * Spring Boot auto-configuration of SessionKit: the {@code sessionkit.*} properties and
 * the session store they select.
 */
@NullMarked
package dev.sessionkit.autoconfigure;

import org.jspecify.annotations.NullMarked;
