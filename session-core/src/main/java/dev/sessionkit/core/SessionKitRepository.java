package dev.sessionkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.codec.AttributeCodecException;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.core.spi.SaveResult;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.core.spi.StoredSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.FlushMode;
import org.springframework.session.MapSession;
import org.springframework.session.SaveMode;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.session.events.SessionExpiredEvent;

/**
 * The {@link FindByIndexNameSessionRepository} of SessionKit, over any
 * {@link SessionStore}: it tracks changes, encodes attributes, applies the expiry rules,
 * resolves principal names and publishes Spring Session's events; the store only keeps
 * what it is given, atomically.
 * <p>
 * Behaviour that differs from Spring Session's Redis repositories, on purpose:
 * <ul>
 * <li>{@link #findById} also records the access (last access time and deadline) in the
 * same store operation, so a request that only reads a session costs one store operation
 * and its save writes nothing.</li>
 * <li>Saving a session that was deleted, has expired, or moved to another id meanwhile
 * writes nothing and does not throw: the session is not brought back.</li>
 * <li>Attributes are JSON, one value each; one that cannot be read is dropped with a WARN
 * and the rest of the session survives.</li>
 * </ul>
 */
public final class SessionKitRepository implements FindByIndexNameSessionRepository<KitSession> {

	/**
	 * The default of {@link #setDecodedValueCacheSize}: 16M characters of encoded values.
	 */
	public static final long DEFAULT_DECODED_VALUE_CACHE_SIZE = 16L * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(SessionKitRepository.class);

	/** What opening a request scope inside another returns: its close does nothing. */
	private static final RequestScope NESTED_SCOPE = () -> {
	};

	private final SessionStore store;

	private final AttributeCodec codec;

	private Duration defaultMaxInactiveInterval = Duration.ofSeconds(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL_SECONDS);

	private FlushMode flushMode = FlushMode.ON_SAVE;

	private SaveMode saveMode = SaveMode.ON_SET_ATTRIBUTE;

	private SessionIdGenerator sessionIdGenerator = SecureSessionIdGenerator.getInstance();

	private long maxSessionSize = -1;

	private Clock clock = Clock.systemUTC();

	private ApplicationEventPublisher eventPublisher = (event) -> {
	};

	private long decodedValueCacheSize = DEFAULT_DECODED_VALUE_CACHE_SIZE;

	private final FaithfulTypes faithfulTypes;

	/** Encodes lists that keep most of their elements from save to save. */
	private final FlatListJson flatLists;

	private final boolean heapValues;

	/**
	 * Whether encoded values also get their heap form, which the store hands back while
	 * it holds them; their templates then need no place in {@link #decodedValues}.
	 */
	private final boolean storeKeepsSavedValues;

	private DecodedValues decodedValues;

	/**
	 * This thread's request scope: set once per thread and reused, so that a request
	 * neither allocates nor churns a thread-local entry.
	 */
	private final ThreadLocal<@Nullable FoundSessions> requestScopes = new ThreadLocal<>();

	/**
	 * Create a new instance.
	 * @param store where sessions are kept
	 * @param codec how attribute values are encoded
	 */
	public SessionKitRepository(SessionStore store, AttributeCodec codec) {
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.codec = Objects.requireNonNull(codec, "codec must not be null");
		this.faithfulTypes = new FaithfulTypes(codec);
		this.flatLists = new FlatListJson(codec);
		this.heapValues = store.acceptsHeapValues();
		this.storeKeepsSavedValues = !this.heapValues && store.keepsSavedValues();
		this.decodedValues = newDecodedValues();
		store.setExpirationListener(this::publishExpired);
	}

	/**
	 * Set the max inactive interval of new sessions; negative for sessions that never
	 * expire. Default 30 minutes.
	 * @param defaultMaxInactiveInterval the interval
	 */
	public void setDefaultMaxInactiveInterval(Duration defaultMaxInactiveInterval) {
		this.defaultMaxInactiveInterval = Objects.requireNonNull(defaultMaxInactiveInterval,
				"defaultMaxInactiveInterval must not be null");
		this.decodedValues = newDecodedValues();
	}

	/**
	 * Set how much the repository remembers of the attribute values it decoded or saved,
	 * measured in characters of their encoded form, so that reading the same value again
	 * copies it instead of decoding it. Only values of known structure are kept (strings,
	 * numbers, enums, {@code java.time} values, records of those, and the JDK's lists,
	 * sets and maps of them); every read still gets its own copy. A value unused for the
	 * default max inactive interval is forgotten. Stores that
	 * {@linkplain SessionStore#acceptsHeapValues() accept heap values} get such values
	 * without JSON and need no cache. 0 turns it off; default
	 * {@value #DEFAULT_DECODED_VALUE_CACHE_SIZE}.
	 * @param characters the most characters of encoded values to remember
	 */
	public void setDecodedValueCacheSize(long characters) {
		if (characters < 0) {
			throw new IllegalArgumentException("decodedValueCacheSize must not be negative");
		}
		this.decodedValueCacheSize = characters;
		this.decodedValues = newDecodedValues();
	}

	/**
	 * Set when changes are written: on save (the default) or as soon as they are made.
	 * @param flushMode the flush mode
	 */
	public void setFlushMode(FlushMode flushMode) {
		this.flushMode = Objects.requireNonNull(flushMode, "flushMode must not be null");
	}

	/**
	 * Set which attributes a save writes: the ones set (the default), also the ones read,
	 * or all.
	 * @param saveMode the save mode
	 */
	public void setSaveMode(SaveMode saveMode) {
		this.saveMode = Objects.requireNonNull(saveMode, "saveMode must not be null");
	}

	/**
	 * Set the generator of new session ids. Default {@link SecureSessionIdGenerator}.
	 * @param sessionIdGenerator the generator
	 */
	public void setSessionIdGenerator(SessionIdGenerator sessionIdGenerator) {
		this.sessionIdGenerator = Objects.requireNonNull(sessionIdGenerator, "sessionIdGenerator must not be null");
	}

	/**
	 * Set the largest encoded size of a session (attribute names and values, in bytes); a
	 * save that would exceed it throws {@link SessionTooLargeException}. Negative for no
	 * limit, the default.
	 * @param maxSessionSize the size in bytes
	 */
	public void setMaxSessionSize(long maxSessionSize) {
		this.maxSessionSize = maxSessionSize;
	}

	/**
	 * Set the clock that decides creation, access and expiry times.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Set the publisher of {@link SessionCreatedEvent}, {@link SessionDeletedEvent} and
	 * {@link SessionExpiredEvent}. By default events are dropped.
	 * @param eventPublisher the publisher
	 */
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher must not be null");
	}

	@Override
	public KitSession createSession() {
		KitSession session = new KitSession(this, generateId(), now(), this.defaultMaxInactiveInterval);
		if (this.flushMode == FlushMode.IMMEDIATE) {
			save(session);
		}
		return session;
	}

	@Override
	public void save(KitSession session) {
		if (session.isGone()) {
			return;
		}
		SessionChanges changes = session.pendingChanges(this.maxSessionSize);
		if (changes == null) {
			return;
		}
		SaveResult result = this.store.save(changes, now());
		if (result == SaveResult.GONE) {
			session.markGone();
			if (logger.isDebugEnabled()) {
				logger.debug("Not saving session " + SessionIds.mask(changes.storedId())
						+ ": it was deleted, expired or changed its id meanwhile");
			}
			return;
		}
		session.markSaved(changes);
		if (result == SaveResult.CREATED) {
			this.eventPublisher.publishEvent(new SessionCreatedEvent(this, session));
		}
	}

	/**
	 * Finds a live session and records the access. Within a
	 * {@linkplain #openRequestScope() request scope}, finding the same id again returns
	 * the copy already found, without another store operation: Spring Session's filter
	 * looks a session up more than once per request.
	 */
	@Override
	public @Nullable KitSession findById(String id) {
		FoundSessions found = openScope();
		if (found != null) {
			KitSession held = found.get(id);
			if (held != null && held.getId().equals(id) && !held.isGone()) {
				return held;
			}
		}
		if (!SessionIds.isWellFormed(id)) {
			return null;
		}
		StoredSession stored = this.store.loadAndTouch(id, now());
		KitSession session = (stored != null) ? new KitSession(this, stored, this.flushMode) : null;
		if (found != null && session != null) {
			found.put(id, session);
		}
		return session;
	}

	/**
	 * Opens a request scope on this thread, in which {@link #findById} returns the copy
	 * it already found for an id. Close it when the request ends; opening one inside
	 * another does nothing.
	 * @return the scope
	 */
	public RequestScope openRequestScope() {
		FoundSessions found = this.requestScopes.get();
		if (found == null) {
			found = new FoundSessions();
			this.requestScopes.set(found);
		}
		else if (found.open) {
			return NESTED_SCOPE;
		}
		found.open = true;
		return found;
	}

	/** The request scope open on this thread, or {@code null}. */
	private @Nullable FoundSessions openScope() {
		FoundSessions found = this.requestScopes.get();
		return (found != null && found.open) ? found : null;
	}

	@Override
	public void deleteById(String id) {
		if (!SessionIds.isWellFormed(id)) {
			return;
		}
		FoundSessions found = openScope();
		if (found != null) {
			KitSession held = found.remove(id);
			if (held != null) {
				held.markGone();
			}
		}
		StoredSession deleted = this.store.delete(id, now());
		if (deleted != null) {
			this.eventPublisher.publishEvent(new SessionDeletedEvent(this, detached(deleted)));
		}
	}

	/**
	 * Finds the live sessions indexed under a principal name. Only
	 * {@link #PRINCIPAL_NAME_INDEX_NAME} is indexed; any other index name finds nothing.
	 * Finding does not count as an access.
	 */
	@Override
	public Map<String, KitSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, KitSession> sessions = new HashMap<>();
		if (PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
			for (StoredSession stored : this.store.findByPrincipalName(indexValue, now())) {
				sessions.put(stored.id(), new KitSession(this, stored, this.flushMode));
			}
		}
		return sessions;
	}

	/**
	 * Removes the sessions whose deadline has passed and publishes a
	 * {@link SessionExpiredEvent} for each. Stores that expire sessions by themselves
	 * need no call; it makes expiry prompt and testable.
	 */
	public void cleanUpExpiredSessions() {
		this.store.removeExpired(now());
	}

	FlushMode getFlushMode() {
		return this.flushMode;
	}

	SaveMode getSaveMode() {
		return this.saveMode;
	}

	AttributeCodec getCodec() {
		return this.codec;
	}

	DecodedValues getDecodedValues() {
		return this.decodedValues;
	}

	private DecodedValues newDecodedValues() {
		Duration interval = this.defaultMaxInactiveInterval;
		Duration unusedFor = (interval.isNegative() || interval.isZero()) ? Duration.ofMinutes(30) : interval;
		return new DecodedValues(this.codec, this.decodedValueCacheSize, unusedFor, this.faithfulTypes);
	}

	/**
	 * The form in which the store gets a value set by the application: in heap form for a
	 * store that accepts it, when the value's types allow a template, else encoded.
	 * @param replaced the stored form the value replaces, if any
	 * @throws AttributeCodecException if the value cannot be encoded
	 */
	AttributeValue storedForm(String name, Object value, @Nullable AttributeValue replaced) {
		if (this.heapValues) {
			return HeapValue.form(name, value, replaced, this.codec, this.faithfulTypes);
		}
		if (this.storeKeepsSavedValues) {
			return HeapValue.withEncoded(name, value, replaced, this.codec, this.faithfulTypes, this.flatLists);
		}
		return AttributeValue.encoded(this.codec.encode(name, value));
	}

	Instant now() {
		return this.clock.instant();
	}

	String generateId() {
		String id = this.sessionIdGenerator.generate();
		if (!SessionIds.isWellFormed(id)) {
			throw new IllegalStateException("The session id generator " + this.sessionIdGenerator.getClass().getName()
					+ " made an id that is not 1 to 128 URL-safe characters");
		}
		return id;
	}

	void attributeDropped(KitSession session, AttributeCodecException ex) {
		logger.warn("Dropped an attribute of session " + SessionIds.mask(session.getId())
				+ ", which keeps its other attributes. " + ex.getMessage());
	}

	private void publishExpired(StoredSession expired) {
		this.eventPublisher.publishEvent(new SessionExpiredEvent(this, detached(expired)));
	}

	/**
	 * The extent of one request, during which repeated lookups of a session are answered
	 * from memory.
	 */
	@FunctionalInterface
	public interface RequestScope extends AutoCloseable {

		/**
		 * Ends the scope.
		 */
		@Override
		void close();

	}

	/**
	 * The sessions found in one thread's request scope: almost always one, so it is held
	 * in fields, with a map only for more. It refers to no repository, so a thread that
	 * outlives an application context keeps nothing of it once the scope is closed.
	 */
	private static final class FoundSessions implements RequestScope {

		private boolean open;

		private @Nullable String id;

		private @Nullable KitSession session;

		private @Nullable Map<String, KitSession> others;

		@Nullable KitSession get(String id) {
			if (id.equals(this.id)) {
				return this.session;
			}
			return (this.others != null) ? this.others.get(id) : null;
		}

		void put(String id, KitSession session) {
			remove(id);
			if (this.id == null) {
				this.id = id;
				this.session = session;
				return;
			}
			if (this.others == null) {
				this.others = new HashMap<>();
			}
			this.others.put(id, session);
		}

		@Nullable KitSession remove(String id) {
			KitSession removed = (this.others != null) ? this.others.remove(id) : null;
			if (id.equals(this.id)) {
				removed = this.session;
				this.id = null;
				this.session = null;
			}
			return removed;
		}

		@Override
		public void close() {
			this.open = false;
			this.id = null;
			this.session = null;
			this.others = null;
		}

	}

	/** A copy for an event: changes to it are never written. */
	private KitSession detached(StoredSession stored) {
		return new KitSession(this, stored, FlushMode.ON_SAVE);
	}

}
