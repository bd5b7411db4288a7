/**
 * The contract test kit: abstract JUnit 5 tests that every SessionKit store must pass. A
 * backend subclasses {@link dev.sessionkit.testkit.SessionStoreContract} and supplies its
 * store.
 */
@NullMarked
package dev.sessionkit.testkit;

import org.jspecify.annotations.NullMarked;
