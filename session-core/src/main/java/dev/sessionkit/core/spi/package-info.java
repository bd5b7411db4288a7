/**
 * The service provider interface that a SessionKit backend implements: a few primitive,
 * atomic operations on stored sessions. Change tracking, encoding, expiry rules,
 * principal-name resolution and events live in {@code dev.sessionkit.core}, once.
 */
@NullMarked
package dev.sessionkit.core.spi;

import org.jspecify.annotations.NullMarked;
