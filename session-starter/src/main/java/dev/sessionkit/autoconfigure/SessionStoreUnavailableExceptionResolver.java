package dev.sessionkit.autoconfigure;

import java.io.IOException;

import dev.sessionkit.core.spi.SessionStoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers 503 for a session store failure raised inside a Spring MVC handler, before any
 * of the application's exception handlers turn it into a 500.
 */
final class SessionStoreUnavailableExceptionResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		SessionStoreException cause = SessionKitRequestFilter.storeFailure(ex);
		if (cause == null || response.isCommitted()) {
			return null;
		}
		try {
			SessionKitRequestFilter.respond(response, cause);
			return new ModelAndView();
		}
		catch (IOException io) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
