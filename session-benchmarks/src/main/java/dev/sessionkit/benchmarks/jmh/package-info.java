/**
 * JMH benchmarks of the stores at the repository level.
 */
package dev.sessionkit.benchmarks.jmh;
