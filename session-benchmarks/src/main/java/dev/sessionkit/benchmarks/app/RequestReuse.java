package dev.sessionkit.benchmarks.app;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Prototype of the fix this benchmark recommends to SessionKit, measured as the store
 * {@code kit-redis-reuse}; not part of SessionKit.
 * <p>
 * Spring Session's {@code SessionRepositoryFilter} commits a session twice when the
 * response is committed before the filter returns (any {@code @ResponseBody} flushes it):
 * once on commit, once in its {@code finally}. The second commit clears its cache and
 * calls {@code findById} again only to learn the requested session id (Spring Session
 * issues #1731, #1424, #2131), which costs SessionKit a second Redis round trip per
 * request. Within one request the repository can hand back the session the request
 * already holds: a filter just outside Spring Session's opens a per-request scope, and
 * the repository answers a repeated {@code findById} from it.
 */
final class RequestReuse {

	private static final ThreadLocal<@Nullable Map<String, Session>> scope = new ThreadLocal<>();

	private RequestReuse() {
	}

	/**
	 * The filter that opens the scope around Spring Session's filter.
	 */
	static final class ScopeFilter implements Filter, Ordered {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (scope.get() != null) {
				chain.doFilter(request, response);
				return;
			}
			scope.set(new HashMap<>());
			try {
				chain.doFilter(request, response);
			}
			finally {
				scope.remove();
			}
		}

		@Override
		public int getOrder() {
			return SessionRepositoryFilter.DEFAULT_ORDER - 1;
		}

	}

	/**
	 * A repository that answers a repeated {@code findById} of the same request from the
	 * scope.
	 *
	 * @param <S> the session type
	 */
	static final class ReusingRepository<S extends Session> implements SessionRepository<S> {

		private final SessionRepository<S> delegate;

		ReusingRepository(SessionRepository<S> delegate) {
			this.delegate = delegate;
		}

		@Override
		public S createSession() {
			return this.delegate.createSession();
		}

		@Override
		public void save(S session) {
			this.delegate.save(session);
			Map<String, Session> sessions = scope.get();
			if (sessions != null) {
				sessions.put(session.getId(), session);
			}
		}

		@Override
		@SuppressWarnings("unchecked")
		public @Nullable S findById(String id) {
			Map<String, Session> sessions = scope.get();
			if (sessions != null && sessions.containsKey(id)) {
				return (S) sessions.get(id);
			}
			S session = this.delegate.findById(id);
			if (sessions != null && session != null) {
				sessions.put(id, session);
			}
			return session;
		}

		@Override
		public void deleteById(String id) {
			Map<String, Session> sessions = scope.get();
			if (sessions != null) {
				sessions.remove(id);
			}
			this.delegate.deleteById(id);
		}

	}

}
