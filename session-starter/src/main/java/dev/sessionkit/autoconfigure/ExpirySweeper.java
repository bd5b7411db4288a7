package dev.sessionkit.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.sessionkit.core.SessionKitRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Calls {@link SessionKitRepository#cleanUpExpiredSessions()} at a fixed delay on one
 * daemon thread, for stores that do not expire sessions by themselves (Redis). A failing
 * sweep is logged once per outage, not once per attempt. It stops before the web server
 * does, and so before the store's client is closed.
 */
final class ExpirySweeper implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ExpirySweeper.class);

	private final SessionKitRepository repository;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	private boolean failing;

	ExpirySweeper(SessionKitRepository repository, Duration interval) {
		this.repository = repository;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null || this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sessionkit-expiry-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::sweep, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	void sweep() {
		try {
			this.repository.cleanUpExpiredSessions();
			if (this.failing) {
				this.failing = false;
				logger.info("Removing expired sessions works again");
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				this.failing = true;
				logger.warn("Removing expired sessions failed; retrying every " + Descriptions.timeout(this.interval)
						+ ": " + ex.getMessage());
			}
		}
	}

}
