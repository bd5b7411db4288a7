/**
 * The benchmark's driver, scale runs and report: what {@code bench.sh} runs.
 */
@NullMarked
package dev.sessionkit.benchmarks.run;

import org.jspecify.annotations.NullMarked;
