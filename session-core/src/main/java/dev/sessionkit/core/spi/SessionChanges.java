package dev.sessionkit.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one save changes in a stored session: the delta a backend applies atomically.
 *
 * @param id the id the session is stored under after the save
 * @param storedId the id the session is stored under before the save; differs from
 * {@code id} when the id was changed, and equals it for a new session
 * @param create whether the save creates the session; all metadata is then present
 * @param creationTime when the session was created
 * @param lastAccessedTime the new last access time, or {@code null} if unchanged
 * @param maxInactiveInterval the new max inactive interval, or {@code null} if unchanged
 * @param setAttributes attributes to set, names to values
 * @param removedAttributes attribute names to remove
 * @param principalChanged whether the principal name changed
 * @param principalName the principal name after the save, if any
 */
public record SessionChanges(String id, String storedId, boolean create, Instant creationTime,
		@Nullable Instant lastAccessedTime, @Nullable Duration maxInactiveInterval,
		Map<String, AttributeValue> setAttributes, Set<String> removedAttributes, boolean principalChanged,
		@Nullable String principalName) {

	public SessionChanges {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(storedId, "storedId must not be null");
		Objects.requireNonNull(creationTime, "creationTime must not be null");
		setAttributes = Map.copyOf(setAttributes);
		removedAttributes = Set.copyOf(removedAttributes);
		if (create && (lastAccessedTime == null || maxInactiveInterval == null)) {
			throw new IllegalArgumentException("a new session needs its last access time and max inactive interval");
		}
	}

	/**
	 * Whether the session moves to a new id.
	 * @return {@code true} if {@link #id()} differs from {@link #storedId()}
	 */
	public boolean idChanged() {
		return !this.id.equals(this.storedId);
	}

}
