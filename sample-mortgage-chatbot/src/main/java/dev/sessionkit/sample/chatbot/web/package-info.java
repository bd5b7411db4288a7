/**
 * The JSON API and its HTTP concerns: session endpoints, JSON errors, request limits, and
 * the optional split-frontend mode (CORS, cross-site cookie, {@code X-Auth-Token}).
 */
@NullMarked
package dev.sessionkit.sample.chatbot.web;

import org.jspecify.annotations.NullMarked;
