package dev.sessionkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;

/**
 * The arguments and replies of {@code session.lua}, the one script that reads and writes
 * session hashes. Pure translation: no I/O.
 */
final class SessionScript {

	static final String SOURCE = load();

	private static final String ATTRIBUTE_PREFIX = "attr:";

	/**
	 * The field holding "created accessed maxInactive version": milliseconds, and a
	 * counter of content writes.
	 */
	private static final String META = "meta";

	/** The version of a session's content when it is created. */
	private static final long FIRST_VERSION = 1;

	private SessionScript() {
	}

	/**
	 * @param heldToken the content token of the copy the caller holds, or {@code null}
	 */
	static Object[] load(Instant now, Duration grace, boolean touch, @Nullable String heldToken) {
		return new Object[] { "load", millis(now), grace.toMillis(), touch ? "1" : "0",
				(heldToken != null) ? heldToken : "" };
	}

	static Object[] take(Instant now, Duration grace, boolean onlyExpired) {
		return new Object[] { "take", millis(now), grace.toMillis(), onlyExpired ? "expired" : "any" };
	}

	static Object[] create(StoredSession session, Instant now, Duration grace) {
		List<Object> arguments = new ArrayList<>(List.of("create", millis(now), grace.toMillis(),
				millis(session.lastAccessedTime()), session.maxInactiveInterval().toMillis(), META,
				millis(session.creationTime()) + " " + millis(session.lastAccessedTime()) + " "
						+ session.maxInactiveInterval().toMillis() + " " + FIRST_VERSION));
		if (session.principalName() != null) {
			arguments.add("principal");
			arguments.add(session.principalName());
		}
		session.attributes().forEach((name, value) -> {
			arguments.add(ATTRIBUTE_PREFIX + name);
			arguments.add(value.encoded());
		});
		return arguments.toArray();
	}

	static Object[] update(SessionChanges changes, Instant now, Duration grace) {
		List<Object> arguments = new ArrayList<>();
		arguments.add("update");
		arguments.add(millis(now));
		arguments.add(grace.toMillis());
		arguments.add((changes.lastAccessedTime() != null) ? millis(changes.lastAccessedTime()) : "");
		arguments.add((changes.maxInactiveInterval() != null) ? changes.maxInactiveInterval().toMillis() : "");
		if (!changes.principalChanged()) {
			arguments.add("");
		}
		else {
			arguments.add((changes.principalName() != null) ? "=" + changes.principalName() : "-");
		}
		arguments.add(changes.removedAttributes().size());
		changes.removedAttributes().forEach((name) -> arguments.add(ATTRIBUTE_PREFIX + name));
		changes.setAttributes().forEach((name, value) -> {
			arguments.add(ATTRIBUTE_PREFIX + name);
			arguments.add(value.encoded());
		});
		return arguments.toArray();
	}

	/** The content token of a session just created from {@link #create}. */
	static String createdToken(StoredSession session) {
		return token(millis(session.creationTime()), FIRST_VERSION);
	}

	/** The status word that starts every reply. */
	static String status(List<Object> reply) {
		return (String) reply.get(0);
	}

	/** The session in a reply of the form status, field, value, ... */
	static StoredSession session(String id, List<Object> reply) {
		Map<String, AttributeValue> attributes = new HashMap<>();
		String meta = null;
		String principal = null;
		for (int i = 1; i + 1 < reply.size(); i += 2) {
			String field = (String) reply.get(i);
			String value = String.valueOf(reply.get(i + 1));
			if (field.startsWith(ATTRIBUTE_PREFIX)) {
				attributes.put(field.substring(ATTRIBUTE_PREFIX.length()), AttributeValue.encoded(value));
			}
			else if (field.equals(META)) {
				meta = value;
			}
			else if (field.equals("principal")) {
				principal = value;
			}
		}
		return withMeta(Objects.requireNonNull(meta, "the script answered a session without meta"), id, attributes,
				principal);
	}

	/**
	 * The content token in a reply of the form status, field, value, ...: what a later
	 * load sends to be answered {@code same}; {@code null} if the session has none yet.
	 */
	static @Nullable String token(List<Object> reply) {
		for (int i = 1; i + 1 < reply.size(); i += 2) {
			if (META.equals(reply.get(i))) {
				String[] parts = String.valueOf(reply.get(i + 1)).split(" ");
				return (parts.length > 3) ? token(Long.parseLong(parts[0]), Long.parseLong(parts[3])) : null;
			}
		}
		return null;
	}

	/**
	 * The session of a {@code same} reply: the held copy's content with the meta the
	 * reply carries.
	 */
	static StoredSession same(StoredSession held, List<Object> reply) {
		return withMeta(String.valueOf(reply.get(1)), held.id(), held.attributes(), held.principalName());
	}

	/** The content tokens before and after an update, from its reply. */
	static @Nullable String tokenBefore(List<Object> reply) {
		String token = (reply.size() > 2) ? String.valueOf(reply.get(2)) : "";
		return token.isEmpty() ? null : token;
	}

	static @Nullable String tokenAfter(List<Object> reply) {
		return (reply.size() > 3) ? String.valueOf(reply.get(3)) : null;
	}

	private static StoredSession withMeta(String meta, String id, Map<String, AttributeValue> attributes,
			@Nullable String principal) {
		String[] parts = meta.split(" ");
		return new StoredSession(id, instant(parts[0]), instant(parts[1]), Duration.ofMillis(Long.parseLong(parts[2])),
				attributes, principal);
	}

	private static String token(long created, long version) {
		return created + ":" + version;
	}

	/**
	 * The second element of a reply: the old principal of an update, the deadline of a
	 * live session.
	 */
	static @Nullable Object detail(List<Object> reply) {
		return (reply.size() > 1) ? reply.get(1) : null;
	}

	static long millis(Instant instant) {
		return instant.toEpochMilli();
	}

	private static Instant instant(String millis) {
		return Instant.ofEpochMilli(Long.parseLong(millis));
	}

	private static String load() {
		try (InputStream in = SessionScript.class.getResourceAsStream("session.lua")) {
			return new String(Objects.requireNonNull(in, "session.lua is missing").readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
