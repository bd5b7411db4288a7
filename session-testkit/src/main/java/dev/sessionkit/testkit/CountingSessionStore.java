package dev.sessionkit.testkit;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.sessionkit.core.spi.SaveResult;
import dev.sessionkit.core.spi.SessionChanges;
import dev.sessionkit.core.spi.SessionStore;
import dev.sessionkit.core.spi.StoredSession;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SessionStore} that counts the loads and saves reaching the store it wraps, so
 * a test can check that a request costs the store operations it should, and no more.
 */
public final class CountingSessionStore implements SessionStore {

	private final SessionStore delegate;

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicInteger saves = new AtomicInteger();

	/**
	 * Wraps a store.
	 * @param delegate the store that does the work
	 */
	public CountingSessionStore(SessionStore delegate) {
		this.delegate = delegate;
	}

	/**
	 * Returns how many loads reached the store so far.
	 * @return the count
	 */
	public int loads() {
		return this.loads.get();
	}

	/**
	 * Returns how many saves reached the store so far.
	 * @return the count
	 */
	public int saves() {
		return this.saves.get();
	}

	@Override
	public @Nullable StoredSession loadAndTouch(String id, Instant now) {
		this.loads.incrementAndGet();
		return this.delegate.loadAndTouch(id, now);
	}

	@Override
	public SaveResult save(SessionChanges changes, Instant now) {
		this.saves.incrementAndGet();
		return this.delegate.save(changes, now);
	}

	@Override
	public @Nullable StoredSession delete(String id, Instant now) {
		return this.delegate.delete(id, now);
	}

	@Override
	public List<StoredSession> findByPrincipalName(String principalName, Instant now) {
		return this.delegate.findByPrincipalName(principalName, now);
	}

	@Override
	public void removeExpired(Instant now) {
		this.delegate.removeExpired(now);
	}

	@Override
	public void setExpirationListener(Consumer<StoredSession> listener) {
		this.delegate.setExpirationListener(listener);
	}

	@Override
	public boolean acceptsHeapValues() {
		return this.delegate.acceptsHeapValues();
	}

	@Override
	public boolean keepsSavedValues() {
		return this.delegate.keepsSavedValues();
	}

}
