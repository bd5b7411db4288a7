package dev.sessionkit.core;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Resolves the principal name a session is indexed under, the way Spring Session does:
 * the {@link FindByIndexNameSessionRepository#PRINCIPAL_NAME_INDEX_NAME} attribute, else
 * the name of the authentication in Spring Security's context.
 */
final class PrincipalNames {

	private static final Expression AUTHENTICATION_NAME = new SpelExpressionParser()
		.parseExpression("authentication?.name");

	private PrincipalNames() {
	}

	static @Nullable String resolve(KitSession session) {
		Object name = session.peek(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
		if (name != null) {
			return name.toString();
		}
		Object securityContext = session.peek(KitSession.SECURITY_CONTEXT_ATTRIBUTE);
		if (securityContext != null) {
			Object authenticationName = AUTHENTICATION_NAME.getValue(securityContext);
			return (authenticationName != null) ? authenticationName.toString() : null;
		}
		return null;
	}

}
