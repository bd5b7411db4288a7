package dev.sessionkit.sample.chatbot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.session.web.http.CompositeHttpSessionIdResolver;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Split-frontend mode, on when {@code FRONTEND_URL} lists the origins of a frontend
 * hosted elsewhere:
 * <ul>
 * <li>CORS on {@code /api/**} for exactly those origins, with credentials; a request from
 * any other origin is refused with 403, the preflight as well as the request itself;
 * <li>the session cookie becomes {@code SameSite=None; Secure; Partitioned} so that the
 * browser sends it cross-site;
 * <li>the session id is also returned and accepted in the {@code X-Auth-Token} header,
 * for browsers that block third-party cookies: the header is read first, then the cookie,
 * and both are written.
 * </ul>
 * Defining the session id resolver makes Spring Boot leave the cookie to this class, so
 * the cookie name is the only {@code server.servlet.session.cookie.*} property that
 * applies here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SplitFrontendConfiguration.FrontendUrlCondition.class)
class SplitFrontendConfiguration {

	static final String TOKEN_HEADER = "X-Auth-Token";

	/**
	 * Runs before Spring Session's filter, so that a refused cross-origin request never
	 * touches the session.
	 */
	static final int CORS_ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 30;

	@Bean
	FrontendOrigins frontendOrigins(ChatbotProperties properties) {
		return FrontendOrigins.parse(properties.getFrontendUrl());
	}

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(FrontendOrigins origins) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins.origins());
		cors.setAllowCredentials(true);
		cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
				HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
		cors.setAllowedHeaders(List.of("Content-Type", TOKEN_HEADER));
		cors.setExposedHeaders(List.of(TOKEN_HEADER));
		cors.setMaxAge(1800L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new JsonRefusingCorsProcessor());
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(CORS_ORDER);
		return registration;
	}

	@Bean
	HttpSessionIdResolver httpSessionIdResolver(
			@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(cookieName);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setUseSecureCookie(true);
		serializer.setSameSite("None");
		serializer.setPartitioned(true);
		CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();
		cookie.setCookieSerializer(serializer);
		return new CompositeHttpSessionIdResolver(HeaderHttpSessionIdResolver.xAuthToken(), cookie);
	}

	/**
	 * Refuses a request from an origin not listed with 403 and a JSON problem.
	 */
	static final class JsonRefusingCorsProcessor extends DefaultCorsProcessor {

		private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Origin not allowed\","
				+ "\"status\":403,\"detail\":\"This origin is not listed in the server's FRONTEND_URL.\"}")
			.getBytes(StandardCharsets.UTF_8);

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getBody().write(PROBLEM);
			response.flush();
		}

	}

	/**
	 * Matches when {@code chatbot.frontend-url} ({@code FRONTEND_URL}) is not blank.
	 */
	static final class FrontendUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String value = Binder.get(context.getEnvironment()).bind(FrontendOrigins.PROPERTY, String.class).orElse("");
			return StringUtils.hasText(value) ? ConditionOutcome.match("FRONTEND_URL is set")
					: ConditionOutcome.noMatch("FRONTEND_URL is not set");
		}

	}

}
