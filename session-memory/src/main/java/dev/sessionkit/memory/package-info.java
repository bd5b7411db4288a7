/**
 * SessionKit's in-memory session store, on Caffeine.
 */
@NullMarked
package dev.sessionkit.memory;

import org.jspecify.annotations.NullMarked;
