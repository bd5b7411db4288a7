/**
 * SessionKit's Redis session store, on Redisson. Not implemented yet: this module
 * reserves its coordinates so that the starter's dependency graph is final.
 */
@NullMarked
package dev.sessionkit.redis;

import org.jspecify.annotations.NullMarked;
