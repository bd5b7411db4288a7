package dev.sessionkit.sample.chatbot.web;

import java.time.Instant;
import java.util.List;

import dev.sessionkit.sample.chatbot.chat.ChatMessage;
import dev.sessionkit.sample.chatbot.chat.Conversation;
import dev.sessionkit.sample.chatbot.form.Estimate;
import dev.sessionkit.sample.chatbot.form.MortgageCalculator;
import dev.sessionkit.sample.chatbot.form.MortgageForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session itself, for a separate frontend or a script: create it, read its history,
 * check it, clear it. A session the browser names but the store does not know (unknown,
 * expired, or lost when the store restarted) counts as none: reading gives empty values
 * and writing starts a new one.
 */
@RestController
@RequestMapping(path = "/api/session", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionController {

	/**
	 * Returns the current session, creating one if there is none: 201 when created, 200
	 * when it already existed.
	 */
	@PostMapping
	ResponseEntity<SessionInfo> create(HttpServletRequest request) {
		HttpSession existing = request.getSession(false);
		HttpSession session = (existing != null) ? existing : request.getSession(true);
		HttpStatus status = (existing != null) ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status).body(SessionInfo.of(session, existing == null));
	}

	/**
	 * Returns the form and the conversation; empty, and nothing created, without a
	 * session.
	 */
	@GetMapping("/history")
	History history(HttpServletRequest request) {
		ChatbotSession session = ChatbotSession.existing(request);
		MortgageForm form = session.form();
		return new History(form, MortgageCalculator.estimate(form), session.conversation().messages(),
				Conversation.MAX_MESSAGES);
	}

	/**
	 * Tells whether the browser has a live session; never creates one.
	 */
	@GetMapping("/validate")
	SessionInfo validate(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? SessionInfo.of(session, false) : SessionInfo.NONE;
	}

	/**
	 * Ends the session, forgetting the form and the conversation; the next change starts
	 * a new one.
	 */
	@DeleteMapping
	ResponseEntity<Void> delete(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * The form and the conversation.
	 *
	 * @param form the form
	 * @param estimate the figures worked out from it
	 * @param messages the conversation, oldest first
	 * @param maxMessages how many messages are kept at most
	 */
	record History(MortgageForm form, Estimate estimate, List<ChatMessage> messages, int maxMessages) {

	}

	/**
	 * What the API tells about a session; never its id, which only the cookie (or the
	 * {@code X-Auth-Token} header in split-frontend mode) carries.
	 *
	 * @param valid whether there is a live session
	 * @param created whether this request created it
	 * @param createdAt when it was created
	 * @param lastAccessedAt when it was last used, before this request
	 * @param expiresAt when it expires without further requests
	 * @param timeoutSeconds its inactivity timeout, in seconds
	 */
	record SessionInfo(boolean valid, boolean created, @Nullable Instant createdAt, @Nullable Instant lastAccessedAt,
			@Nullable Instant expiresAt, @Nullable Integer timeoutSeconds) {

		static final SessionInfo NONE = new SessionInfo(false, false, null, null, null, null);

		static SessionInfo of(HttpSession session, boolean created) {
			Instant lastAccessed = Instant.ofEpochMilli(session.getLastAccessedTime());
			int timeout = session.getMaxInactiveInterval();
			Instant expiresAt = (timeout < 0) ? null : Instant.now().plusSeconds(timeout);
			return new SessionInfo(true, created, Instant.ofEpochMilli(session.getCreationTime()), lastAccessed,
					expiresAt, timeout);
		}

	}

}
