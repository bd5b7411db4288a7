package dev.sessionkit.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A session as a store keeps it: metadata, attribute values, and the principal name it is
 * indexed under. Immutable.
 *
 * @param id the session id
 * @param creationTime when the session was created
 * @param lastAccessedTime when the session was last accessed
 * @param maxInactiveInterval how long the session lives without access; negative for
 * never
 * @param attributes attribute names to values
 * @param principalName the principal name the session is indexed under, if any
 */
public record StoredSession(String id, Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval,
		Map<String, AttributeValue> attributes, @Nullable String principalName) {

	public StoredSession {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(creationTime, "creationTime must not be null");
		Objects.requireNonNull(lastAccessedTime, "lastAccessedTime must not be null");
		Objects.requireNonNull(maxInactiveInterval, "maxInactiveInterval must not be null");
		attributes = Map.copyOf(attributes);
	}

	/**
	 * Creates a stored session from the changes that create it.
	 * @param changes changes with {@link SessionChanges#create()} set
	 * @return the new session
	 */
	public static StoredSession create(SessionChanges changes) {
		if (!changes.create()) {
			throw new IllegalArgumentException("changes do not create a session");
		}
		return new StoredSession(changes.id(), changes.creationTime(),
				Objects.requireNonNull(changes.lastAccessedTime(), "lastAccessedTime must not be null"),
				Objects.requireNonNull(changes.maxInactiveInterval(), "maxInactiveInterval must not be null"),
				changes.setAttributes(), changes.principalName());
	}

	/**
	 * Returns the instant this session expires.
	 * @return the deadline, or {@code null} if it never expires
	 */
	public @Nullable Instant deadline() {
		return SessionDeadlines.deadline(this.lastAccessedTime, this.maxInactiveInterval);
	}

	/**
	 * Whether this session has expired at the given time.
	 * @param now the time to judge at
	 * @return whether it has expired
	 */
	public boolean isExpired(Instant now) {
		return SessionDeadlines.isExpired(this.lastAccessedTime, this.maxInactiveInterval, now);
	}

	/**
	 * Returns this session accessed at {@code now}: with {@code now} as its last access
	 * time, or itself when that moves less than {@link SessionDeadlines#TOUCH_TOLERANCE}.
	 * @param now the access time
	 * @return the touched session, or this one if nothing needs writing
	 */
	public StoredSession touch(Instant now) {
		if (!SessionDeadlines.isTouchDue(this.lastAccessedTime, now)) {
			return this;
		}
		return new StoredSession(this.id, this.creationTime, now, this.maxInactiveInterval, this.attributes,
				this.principalName);
	}

	/**
	 * Returns this session with changes applied, under the changes' id.
	 * @param changes the changes
	 * @return the changed session
	 */
	public StoredSession apply(SessionChanges changes) {
		Map<String, AttributeValue> merged = merge(this.attributes, changes.setAttributes(),
				changes.removedAttributes());
		return new StoredSession(changes.id(), this.creationTime,
				Objects.requireNonNullElse(changes.lastAccessedTime(), this.lastAccessedTime),
				Objects.requireNonNullElse(changes.maxInactiveInterval(), this.maxInactiveInterval), merged,
				changes.principalChanged() ? changes.principalName() : this.principalName);
	}

	/**
	 * The attributes with some set and some removed, built as one immutable map without
	 * an intermediate copy: a save usually sets one attribute of a few.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, AttributeValue> merge(Map<String, AttributeValue> attributes,
			Map<String, AttributeValue> set, Set<String> removed) {
		if (set.isEmpty() && removed.isEmpty()) {
			return attributes;
		}
		List<Map.Entry<String, AttributeValue>> entries = new ArrayList<>(attributes.size() + set.size());
		for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
			if (!set.containsKey(entry.getKey()) && !removed.contains(entry.getKey())) {
				entries.add(entry);
			}
		}
		entries.addAll(set.entrySet());
		return Map.ofEntries(entries.toArray(new Map.Entry[0]));
	}

}
