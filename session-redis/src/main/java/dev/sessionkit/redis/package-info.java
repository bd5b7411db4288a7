/**
 * SessionKit's Redis session store, on Redisson: one hash per session, one script call
 * per operation, expiry events without keyspace notifications.
 */
@NullMarked
package dev.sessionkit.redis;

import org.jspecify.annotations.NullMarked;
