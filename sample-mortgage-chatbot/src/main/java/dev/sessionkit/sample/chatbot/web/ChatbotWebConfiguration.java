package dev.sessionkit.sample.chatbot.web;

import java.time.Clock;

import dev.sessionkit.sample.chatbot.chat.MortgageAdvisor;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;

/**
 * The sample's web setup: the chatbot, the request size limit, requests that do not touch
 * the session unless they use it, and a startup line that says how sessions reach the
 * browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatbotProperties.class)
class ChatbotWebConfiguration {

	private static final Log logger = LogFactory.getLog(ChatbotWebConfiguration.class);

	/**
	 * Runs before Spring Session's filter, so that a refused request never touches the
	 * session, and after the CORS filter, so that a cross-origin caller can read the
	 * refusal.
	 */
	static final int SIZE_LIMIT_ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 20;

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MortgageAdvisor mortgageAdvisor() {
		return new MortgageAdvisor();
	}

	/**
	 * No flash attributes: the app never redirects with them, and Spring MVC's default
	 * would read the session on every request that carries its cookie (static files, the
	 * health check) just to look for some, a store round trip each, and a failure while
	 * the store is down.
	 */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new NoFlashMapManager();
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ChatbotProperties properties) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.getMaxRequestSize()));
		registration.setOrder(SIZE_LIMIT_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> startupReport(ObjectProvider<FrontendOrigins> frontendOrigins,
			@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		return (event) -> {
			FrontendOrigins origins = frontendOrigins.getIfAvailable();
			String mode = (origins != null)
					? "split-frontend mode for " + String.join(", ", origins.origins())
							+ ": CORS with credentials, cookie " + cookieName
							+ " (HttpOnly; Secure; SameSite=None; Partitioned), session id also in "
							+ SplitFrontendConfiguration.TOKEN_HEADER
					: "same-origin mode: cookie " + cookieName + " (HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
							+ "), no CORS";
			logger.info("Mortgage chatbot listening on port " + event.getWebServer().getPort() + ", " + mode);
		};
	}

}
