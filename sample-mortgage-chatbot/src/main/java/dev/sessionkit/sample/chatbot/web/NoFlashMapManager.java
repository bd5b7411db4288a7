package dev.sessionkit.sample.chatbot.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * A {@link FlashMapManager} that keeps no flash attributes, and so never reads the
 * session.
 */
final class NoFlashMapManager implements FlashMapManager {

	@Override
	public @Nullable FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
		if (!flashMap.isEmpty()) {
			throw new UnsupportedOperationException("This application keeps no flash attributes");
		}
	}

}
