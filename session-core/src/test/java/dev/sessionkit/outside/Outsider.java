package dev.sessionkit.outside;

/**
 * A plain record in a package no test codec allows.
 *
 * @param name a name
 */
public record Outsider(String name) {
}
