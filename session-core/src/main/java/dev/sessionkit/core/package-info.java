/**
 * SessionKit's backend-neutral session model.
 */
@NullMarked
package dev.sessionkit.core;

import org.jspecify.annotations.NullMarked;
