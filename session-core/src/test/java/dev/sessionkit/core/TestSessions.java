package dev.sessionkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sessionkit.core.DecodedValuesTests.Kind;
import dev.sessionkit.core.DecodedValuesTests.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving and reading one attribute through a repository, and a chat to save, for the
 * tests of how values are kept.
 */
final class TestSessions {

	private TestSessions() {
	}

	/** Saves a new session holding one attribute and returns its id. */
	static String saved(SessionKitRepository repository, String name, Object value) {
		KitSession session = repository.createSession();
		session.setAttribute(name, value);
		repository.save(session);
		return session.getId();
	}

	/** Reads one attribute of a stored session, which must hold it. */
	static <T> T read(SessionKitRepository repository, String id, String name) {
		KitSession session = repository.findById(id);
		assertThat(session).isNotNull();
		T value = session.getAttribute(name);
		assertThat(value).isNotNull();
		return value;
	}

	/** A chat of one message per text, all from the user at the same instant. */
	static List<Message> chat(String... texts) {
		List<Message> chat = new ArrayList<>();
		for (String text : texts) {
			chat.add(new Message("user", text, Instant.ofEpochSecond(1_767_225_600L), Kind.QUESTION));
		}
		return chat;
	}

}
