package dev.sessionkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.sessionkit.core.codec.AttributeCodecException;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionDeadlines;
import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.Session;

/**
 * A session of a {@link SessionKitRepository}: the request's own copy, which records what
 * changed since it was loaded so that a save writes only the delta.
 * <p>
 * Attribute values are decoded lazily, on first read. A value that cannot be decoded (its
 * JSON is corrupt, its type is not allowed, or its class is gone after a redeploy) is
 * dropped from this copy with a WARN; the stored value is left alone, so another version
 * of the application can still read it.
 */
public final class KitSession implements Session {

	static final String SECURITY_CONTEXT_ATTRIBUTE = "SPRING_SECURITY_CONTEXT";

	private final SessionKitRepository repository;

	private final FlushMode flushMode;

	private final Instant creationTime;

	private final Map<String, Attribute> attributes;

	/**
	 * Names set, removed, or (with {@link SaveMode#ON_GET_ATTRIBUTE}) read since the last
	 * save; {@code null} until the first, which most read-only requests never have.
	 */
	private @Nullable Set<String> changed;

	private String id;

	/** The id in the store, or {@code null} for a session never stored. */
	private @Nullable String storedId;

	private Instant lastAccessedTime;

	private Instant storedLastAccessedTime;

	private Duration maxInactiveInterval;

	private boolean maxInactiveIntervalChanged;

	private @Nullable String storedPrincipalName;

	private boolean gone;

	/** A new session. */
	KitSession(SessionKitRepository repository, String id, Instant now, Duration maxInactiveInterval) {
		this.repository = repository;
		this.flushMode = repository.getFlushMode();
		this.attributes = new HashMap<>();
		this.id = id;
		this.creationTime = now;
		this.lastAccessedTime = now;
		this.storedLastAccessedTime = now;
		this.maxInactiveInterval = maxInactiveInterval;
	}

	/**
	 * A session loaded from the store; {@code flushMode} is ON_SAVE for read-only copies.
	 */
	KitSession(SessionKitRepository repository, StoredSession stored, FlushMode flushMode) {
		this.repository = repository;
		this.flushMode = flushMode;
		this.id = stored.id();
		this.storedId = stored.id();
		this.creationTime = stored.creationTime();
		this.lastAccessedTime = stored.lastAccessedTime();
		this.storedLastAccessedTime = stored.lastAccessedTime();
		this.maxInactiveInterval = stored.maxInactiveInterval();
		this.storedPrincipalName = stored.principalName();
		// sized for what it holds: the default table is four times larger than two need
		this.attributes = new HashMap<>((int) (stored.attributes().size() / 0.75f) + 1);
		stored.attributes().forEach((name, value) -> this.attributes.put(name, Attribute.stored(value)));
		if (repository.getSaveMode() == SaveMode.ALWAYS) {
			changed().addAll(this.attributes.keySet());
		}
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public String changeSessionId() {
		this.id = this.repository.generateId();
		flushIfImmediate();
		return this.id;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T getAttribute(String attributeName) {
		Object value = peek(attributeName);
		if (value != null && this.repository.getSaveMode() == SaveMode.ON_GET_ATTRIBUTE) {
			changed().add(attributeName);
		}
		return (T) value;
	}

	@Override
	public Set<String> getAttributeNames() {
		Set<String> names = new LinkedHashSet<>();
		for (String name : new HashSet<>(this.attributes.keySet())) {
			if (peek(name) != null) {
				names.add(name);
			}
		}
		return names;
	}

	@Override
	public void setAttribute(String attributeName, @Nullable Object attributeValue) {
		Objects.requireNonNull(attributeName, "attributeName must not be null");
		if (attributeValue == null) {
			removeAttribute(attributeName);
			return;
		}
		Attribute previous = this.attributes.get(attributeName);
		Attribute attribute = Attribute.decoded(attributeValue);
		if (previous != null) {
			attribute.replaces = (previous.stored != null) ? previous.stored : previous.replaces;
		}
		this.attributes.put(attributeName, attribute);
		changed().add(attributeName);
		flushIfImmediate();
	}

	@Override
	public void removeAttribute(String attributeName) {
		if (this.attributes.remove(attributeName) != null) {
			changed().add(attributeName);
			flushIfImmediate();
		}
	}

	@Override
	public Instant getCreationTime() {
		return this.creationTime;
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		Objects.requireNonNull(lastAccessedTime, "lastAccessedTime must not be null");
		this.lastAccessedTime = lastAccessedTime;
		if (isLastAccessedTimeChanged()) {
			flushIfImmediate();
		}
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.lastAccessedTime;
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		Objects.requireNonNull(interval, "interval must not be null");
		if (!interval.equals(this.maxInactiveInterval)) {
			this.maxInactiveInterval = interval;
			this.maxInactiveIntervalChanged = true;
			flushIfImmediate();
		}
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.maxInactiveInterval;
	}

	@Override
	public boolean isExpired() {
		return SessionDeadlines.isExpired(this.lastAccessedTime, this.maxInactiveInterval, this.repository.now());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KitSession session && session.id.equals(this.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "KitSession[id=" + SessionIds.mask(this.id) + ", attributes=" + this.attributes.keySet() + "]";
	}

	/** The attribute's value, decoded if needed, without counting as a read. */
	@Nullable Object peek(String name) {
		Attribute attribute = this.attributes.get(name);
		if (attribute == null) {
			return null;
		}
		if (attribute.value == null) {
			try {
				attribute.value = read(name, Objects.requireNonNull(attribute.stored));
			}
			catch (AttributeCodecException ex) {
				this.repository.attributeDropped(this, ex);
				this.attributes.remove(name);
				if (this.changed != null) {
					this.changed.remove(name);
				}
				return null;
			}
		}
		return attribute.value;
	}

	/** A new value from its stored form: decoded, or copied from a heap template. */
	private Object read(String name, AttributeValue stored) {
		if (stored.hasHeapForm()) {
			return HeapValue.of(stored).copy();
		}
		return this.repository.getDecodedValues().decode(name, stored.encoded());
	}

	private Set<String> changed() {
		Set<String> names = this.changed;
		if (names == null) {
			names = new HashSet<>();
			this.changed = names;
		}
		return names;
	}

	boolean isGone() {
		return this.gone;
	}

	void markGone() {
		this.gone = true;
	}

	private void flushIfImmediate() {
		if (this.flushMode == FlushMode.IMMEDIATE) {
			this.repository.save(this);
		}
	}

	private boolean isLastAccessedTimeChanged() {
		return SessionDeadlines.isTouchDue(this.storedLastAccessedTime, this.lastAccessedTime);
	}

	/**
	 * Encodes what changed since the last save.
	 * @param maxSize the largest encoded size allowed, or a negative number for no limit
	 * @return the changes, or {@code null} if there is nothing to write
	 * @throws SessionTooLargeException if the session would exceed {@code maxSize}
	 */
	@Nullable SessionChanges pendingChanges(long maxSize) {
		boolean create = this.storedId == null;
		boolean idChanged = !create && !this.id.equals(this.storedId);
		Set<String> toWrite = create ? this.attributes.keySet() : (this.changed != null) ? this.changed : Set.of();
		Map<String, AttributeValue> set = Map.of();
		Set<String> removed = Set.of();
		if (toWrite.size() == 1) {
			String name = toWrite.iterator().next();
			Attribute attribute = this.attributes.get(name);
			if (attribute == null) {
				removed = Set.of(name);
			}
			else {
				set = Map.of(name, formToWrite(name, attribute));
			}
		}
		else if (!toWrite.isEmpty()) {
			Map<String, AttributeValue> forms = new HashMap<>();
			Set<String> gone = new HashSet<>();
			for (String name : toWrite) {
				Attribute attribute = this.attributes.get(name);
				if (attribute == null) {
					gone.add(name);
				}
				else {
					forms.put(name, formToWrite(name, attribute));
				}
			}
			set = forms;
			removed = gone;
		}
		boolean principalChanged = false;
		String principalName = this.storedPrincipalName;
		if (create || toWrite.contains(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME)
				|| toWrite.contains(SECURITY_CONTEXT_ATTRIBUTE)) {
			principalName = PrincipalNames.resolve(this);
			principalChanged = !Objects.equals(principalName, this.storedPrincipalName);
		}
		boolean anyChange = create || idChanged || !set.isEmpty() || !removed.isEmpty() || principalChanged
				|| this.maxInactiveIntervalChanged;
		boolean writeLastAccessedTime = create || isLastAccessedTimeChanged();
		if (!anyChange && !writeLastAccessedTime) {
			return null;
		}
		if (maxSize >= 0) {
			checkSize(set, maxSize);
		}
		return new SessionChanges(this.id, create ? this.id : Objects.requireNonNull(this.storedId), create,
				this.creationTime, writeLastAccessedTime ? this.lastAccessedTime : null,
				(create || this.maxInactiveIntervalChanged) ? this.maxInactiveInterval : null, set, removed,
				principalChanged, principalName);
	}

	/** The stored form to write for an attribute: its new value's, or the one it has. */
	private AttributeValue formToWrite(String name, Attribute attribute) {
		if (attribute.value == null) {
			return Objects.requireNonNull(attribute.stored);
		}
		return this.repository.storedForm(name, attribute.value,
				(attribute.replaces != null) ? attribute.replaces : attribute.stored);
	}

	/** Records that the store now holds these changes. */
	void markSaved(SessionChanges changes) {
		this.storedId = this.id;
		changes.setAttributes().forEach((name, stored) -> {
			Attribute attribute = this.attributes.get(name);
			if (attribute != null) {
				attribute.stored = stored;
				// a value that the store keeps with its heap form was never a decoded
				// value
				if (attribute.value != null && !stored.hasHeapForm()) {
					this.repository.getDecodedValues().saved(name, attribute.value, stored.encoded());
				}
				AttributeValue replaced = attribute.replaces;
				if (replaced != null && !replaced.hasHeapForm() && !replaced.equals(stored)) {
					this.repository.getDecodedValues().replaced(replaced.encoded());
				}
				attribute.replaces = null;
			}
		});
		if (this.changed != null) {
			this.changed.clear();
		}
		if (this.repository.getSaveMode() == SaveMode.ALWAYS) {
			changed().addAll(this.attributes.keySet());
		}
		if (changes.lastAccessedTime() != null) {
			this.storedLastAccessedTime = changes.lastAccessedTime();
		}
		this.maxInactiveIntervalChanged = false;
		this.storedPrincipalName = changes.principalName();
	}

	/**
	 * Checks the encoded size, in UTF-8 bytes, that the session will have. Three bytes
	 * per character of an encoded form, and bounds computed from heap values (a cheap
	 * one, then a tighter one), limit it from above, so the exact size is needed only
	 * near the limit.
	 */
	private void checkSize(Map<String, AttributeValue> set, long maxSize) {
		long upperBound = 0;
		for (Map.Entry<String, Attribute> entry : this.attributes.entrySet()) {
			upperBound = saturatedAdd(upperBound, upperBound(entry.getKey(), formAfterSave(entry, set), false));
		}
		if (upperBound <= maxSize) {
			return;
		}
		Map<String, AttributeValue> forms = new HashMap<>();
		for (Map.Entry<String, Attribute> entry : this.attributes.entrySet()) {
			forms.put(entry.getKey(), formAfterSave(entry, set));
		}
		if (tightUpperBound(forms) <= maxSize) {
			return;
		}
		long size = 0;
		long largestSize = -1;
		String largest = "";
		for (Map.Entry<String, AttributeValue> entry : forms.entrySet()) {
			AttributeValue form = entry.getValue();
			String encoded = form.isEncoded() ? form.encoded()
					: this.repository.getCodec().encode(entry.getKey(), HeapValue.of(form).template());
			long attributeSize = utf8Length(entry.getKey()) + utf8Length(encoded);
			size += attributeSize;
			if (attributeSize > largestSize) {
				largestSize = attributeSize;
				largest = entry.getKey();
			}
		}
		if (size > maxSize) {
			throw new SessionTooLargeException(size, maxSize, largest);
		}
	}

	/** The stored form an attribute will have once the changes are saved. */
	private AttributeValue formAfterSave(Map.Entry<String, Attribute> entry, Map<String, AttributeValue> set) {
		AttributeValue form = set.get(entry.getKey());
		if (form != null) {
			return form;
		}
		Attribute attribute = entry.getValue();
		return (attribute.stored != null) ? attribute.stored
				: this.repository.storedForm(entry.getKey(), Objects.requireNonNull(attribute.value), null);
	}

	private static long tightUpperBound(Map<String, AttributeValue> forms) {
		long upperBound = 0;
		for (Map.Entry<String, AttributeValue> entry : forms.entrySet()) {
			upperBound = saturatedAdd(upperBound, upperBound(entry.getKey(), entry.getValue(), true));
		}
		return upperBound;
	}

	/** Three bytes a character of a name or an encoded form; a heap value's bound. */
	private static long upperBound(String name, AttributeValue form, boolean tight) {
		long value;
		if (form.isEncoded()) {
			value = 3L * form.encoded().length();
		}
		else {
			value = tight ? HeapValue.of(form).tightSizeBound() : HeapValue.of(form).sizeBound();
		}
		return saturatedAdd(3L * name.length(), value);
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	static long utf8Length(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return text.getBytes(StandardCharsets.UTF_8).length;
			}
		}
		return text.length();
	}

	/** An attribute as this copy holds it: its stored form, its value, or both. */
	private static final class Attribute {

		@Nullable AttributeValue stored;

		@Nullable Object value;

		/** The stored form that this value, set since the last save, replaces. */
		@Nullable AttributeValue replaces;

		static Attribute stored(AttributeValue stored) {
			Attribute attribute = new Attribute();
			attribute.stored = stored;
			return attribute;
		}

		static Attribute decoded(Object value) {
			Attribute attribute = new Attribute();
			attribute.value = value;
			return attribute;
		}

	}

}
