package dev.sessionkit.benchmarks.stores;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sessionkit.benchmarks.payload.ChatMessage;
import dev.sessionkit.benchmarks.payload.MortgageForm;
import dev.sessionkit.benchmarks.payload.Payload;
import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * What one request does to a session at the repository level, as Spring Session's filter
 * drives a repository: find, mark the access, use the attributes, save. The same for
 * every store.
 */
public final class SessionOps {

	private SessionOps() {
	}

	/**
	 * Creates and saves a session holding the payload.
	 * @param <S> the session type
	 * @param repository the repository
	 * @param seed distinguishes the session's values
	 * @param maxInactiveInterval the session's timeout, or {@code null} for the default
	 * @return the new session's id
	 */
	public static <S extends Session> String create(SessionRepository<S> repository, long seed,
			@Nullable Duration maxInactiveInterval) {
		S session = repository.createSession();
		session.setLastAccessedTime(Instant.now());
		if (maxInactiveInterval != null) {
			session.setMaxInactiveInterval(maxInactiveInterval);
		}
		session.setAttribute(Payload.FORM, Payload.form(seed));
		session.setAttribute(Payload.CHAT, Payload.chat(seed));
		repository.save(session);
		return session.getId();
	}

	/**
	 * A read-only request: reads the form and the chat.
	 * @param <S> the session type
	 * @param repository the repository
	 * @param id the session id
	 * @return a value computed from the attributes, for a black hole
	 */
	public static <S extends Session> long readOnly(SessionRepository<S> repository, String id) {
		S session = found(repository, id);
		MortgageForm form = session.getAttribute(Payload.FORM);
		List<ChatMessage> chat = session.getAttribute(Payload.CHAT);
		repository.save(session);
		return form.loanAmount() + chat.size();
	}

	/**
	 * A writing request: reads the form and the chat, and stores the chat with one more
	 * message (the oldest dropped, so the size stays the same).
	 * @param <S> the session type
	 * @param repository the repository
	 * @param id the session id
	 * @param turn distinguishes the new message
	 * @return a value computed from the attributes, for a black hole
	 */
	public static <S extends Session> long writing(SessionRepository<S> repository, String id, long turn) {
		S session = found(repository, id);
		MortgageForm form = session.getAttribute(Payload.FORM);
		List<ChatMessage> chat = session.getAttribute(Payload.CHAT);
		session.setAttribute(Payload.CHAT, Payload.next(chat, turn));
		repository.save(session);
		return form.loanAmount() + chat.size();
	}

	private static <S extends Session> S found(SessionRepository<S> repository, String id) {
		S session = repository.findById(id);
		if (session == null) {
			throw new IllegalStateException("Session " + id + " is gone");
		}
		session.setLastAccessedTime(Instant.now());
		return session;
	}

}
