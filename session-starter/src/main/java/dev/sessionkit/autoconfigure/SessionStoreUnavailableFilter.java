package dev.sessionkit.autoconfigure;

import java.io.IOException;

import dev.sessionkit.core.spi.SessionStoreException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a session store that cannot answer (Redis down or restarting) into an HTTP 503
 * with {@code Retry-After}, instead of a 500 with a stack trace. It runs just outside
 * Spring Session's filter, so it also catches failures of the save at the end of the
 * request. Failures are logged once per second at most.
 */
final class SessionStoreUnavailableFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(SessionStoreUnavailableFilter.class);

	static final int RETRY_AFTER_SECONDS = 5;

	private static volatile long lastLogged;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			SessionStoreException cause = storeFailure(ex);
			if (cause == null || response.isCommitted()) {
				throw ex;
			}
			respond(response, cause);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The store failure behind an exception, if that is what it is. */
	static @Nullable SessionStoreException storeFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SessionStoreException storeException) {
				return storeException;
			}
		}
		return null;
	}

	/** Answers 503 with a short JSON body that discloses nothing internal. */
	static void respond(HttpServletResponse response, SessionStoreException cause) throws IOException {
		long now = System.currentTimeMillis();
		if (now - lastLogged > 1000) {
			lastLogged = now;
			logger.warn("Answering 503: the session store is unavailable: " + cause.getMessage());
		}
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"status\":503,\"error\":\"Service Unavailable\","
					+ "\"message\":\"Sessions are briefly unavailable. Please retry in a few seconds.\"}");
		response.flushBuffer();
	}

}
