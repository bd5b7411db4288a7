/**
 * The session payload every store is measured with.
 */
@NullMarked
package dev.sessionkit.benchmarks.payload;

import org.jspecify.annotations.NullMarked;
