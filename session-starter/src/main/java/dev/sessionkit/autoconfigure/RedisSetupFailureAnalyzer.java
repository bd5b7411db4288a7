package dev.sessionkit.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link RedisSetupException} as Spring Boot's "APPLICATION FAILED TO START"
 * box, with what to do about it, instead of a stack trace.
 */
class RedisSetupFailureAnalyzer extends AbstractFailureAnalyzer<RedisSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisSetupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
