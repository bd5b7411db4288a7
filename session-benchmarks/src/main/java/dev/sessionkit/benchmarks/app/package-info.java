/**
 * The benchmark web application: one Spring Boot application, one store per process.
 */
@NullMarked
package dev.sessionkit.benchmarks.app;

import org.jspecify.annotations.NullMarked;
