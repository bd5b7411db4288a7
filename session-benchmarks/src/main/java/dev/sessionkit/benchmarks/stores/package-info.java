/**
 * The stores under test, built the way their users configure them.
 */
@NullMarked
package dev.sessionkit.benchmarks.stores;

import org.jspecify.annotations.NullMarked;
