package dev.sessionkit.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.sessionkit.core.SessionKitRepository;
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
 * SessionKit's request boundary, just outside Spring Session's filter. It opens the
 * repository's request scope, so that the filter's repeated lookups of one session cost
 * one store operation; and it turns a session store that cannot answer (Redis down or
 * restarting) into an HTTP 503 with {@code Retry-After} instead of a 500 with a stack
 * trace, also when the save at the end of the request fails. Failures are logged once per
 * second at most.
 */
final class SessionKitRequestFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(SessionKitRequestFilter.class);

	static final int RETRY_AFTER_SECONDS = 5;

	private static final String BODY = "{\"status\":503,\"error\":\"Service Unavailable\","
			+ "\"message\":\"Sessions are briefly unavailable. Please retry in a few seconds.\"}";

	private static volatile long lastLogged;

	private final SessionKitRepository repository;

	SessionKitRequestFilter(SessionKitRepository repository) {
		this.repository = repository;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (SessionKitRepository.RequestScope scope = this.repository.openRequestScope()) {
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

	/**
	 * Answers 503 with a short JSON body that discloses nothing internal. Headers already
	 * set stay, so a cross-origin page can read the answer through its CORS headers.
	 */
	static void respond(HttpServletResponse response, SessionStoreException cause) throws IOException {
		long now = System.currentTimeMillis();
		if (now - lastLogged > 1000) {
			lastLogged = now;
			logger.warn("Answering 503: the session store is unavailable: " + cause.getMessage());
		}
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		try {
			response.getOutputStream().write(body);
		}
		catch (IllegalStateException ex) {
			// the handler wrote through the writer
			response.getWriter().write(BODY);
		}
		response.flushBuffer();
	}

}
