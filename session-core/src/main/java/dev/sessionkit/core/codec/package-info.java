/**
 * The attribute codec: each session attribute as one JSON value, with type information
 * only for allowed types.
 */
@NullMarked
package dev.sessionkit.core.codec;

import org.jspecify.annotations.NullMarked;
