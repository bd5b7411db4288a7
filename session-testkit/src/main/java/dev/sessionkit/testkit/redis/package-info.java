/**
 * Real Redis servers for tests: {@code redis-server} processes on free loopback ports,
 * started and stopped by the test that needs them.
 */
@NullMarked
package dev.sessionkit.testkit.redis;

import org.jspecify.annotations.NullMarked;
