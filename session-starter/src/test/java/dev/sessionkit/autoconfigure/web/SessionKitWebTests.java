package dev.sessionkit.autoconfigure.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.sessionkit.autoconfigure.web.SessionKitTestApplication.Basket;
import dev.sessionkit.autoconfigure.web.TestHttpClient.SetCookie;
import dev.sessionkit.core.KitSession;
import dev.sessionkit.core.SessionKitRepository;
import dev.sessionkit.memory.CaffeineSessionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of an application whose only session dependency is the starter, over real HTTP:
 * sessions live in the Caffeine store behind Spring Session's filter, and Spring
 * Security's login and logout work with them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sessionkit.allowed-packages=dev.sessionkit.autoconfigure.web")
class SessionKitWebTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SessionRepository<?> sessionRepository;

	@Autowired
	private SessionKitRepository repository;

	@Autowired
	private CaffeineSessionStore store;

	private TestHttpClient client;

	@BeforeEach
	void createClient() {
		this.client = new TestHttpClient(this.port, "SESSION");
	}

	@Test
	void sessionsAreSessionKitsAndLiveInCaffeine() {
		assertThat(this.sessionRepository).isSameAs(this.repository);
		long before = this.store.estimatedSize();
		this.client.get("/counter", null);
		assertThat(this.store.estimatedSize()).isEqualTo(before + 1);
	}

	@Test
	void attributesSurviveAcrossRequestsWithTheSessionCookie() {
		HttpResponse<String> first = this.client.get("/counter", null);
		assertThat(first.body()).isEqualTo("1");
		SetCookie cookie = this.client.sessionCookie(first);
		assertThat(cookie).isNotNull();
		assertThat(this.client.get("/counter", cookie.value()).body()).isEqualTo("2");
		assertThat(this.client.get("/counter", cookie.value()).body()).isEqualTo("3");
		assertThat(this.client.get("/counter", null).body()).isEqualTo("1");
		KitSession stored = this.repository.findById(cookie.sessionId());
		assertThat(stored).isNotNull();
		assertThat(stored.<Integer>getAttribute("count")).isEqualTo(3);
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSiteLax() {
		SetCookie cookie = this.client.sessionCookie(this.client.get("/counter", null));
		assertThat(cookie).isNotNull();
		assertThat(cookie.attributes()).containsKey("httponly").containsEntry("samesite", "Lax");
		assertThat(cookie.attributes()).containsEntry("path", "/");
	}

	@Test
	void applicationTypesFromAnAllowedPackageAreStored() {
		HttpResponse<String> first = this.client.get("/basket?item=tea", null);
		SetCookie cookie = this.client.sessionCookie(first);
		assertThat(cookie).isNotNull();
		assertThat(this.client.get("/basket?item=milk", cookie.value()).body()).isEqualTo("tea,milk");
		Object basket = this.repository.findById(cookie.sessionId()).getAttribute("basket");
		assertThat(basket).isEqualTo(new Basket(List.of("tea", "milk")));
	}

	@Test
	void loginChangesTheSessionIdAndTheSecurityContextSurvives() {
		SetCookie anonymous = anonymousSession();
		SetCookie authenticated = logIn(anonymous);
		assertThat(authenticated.sessionId()).isNotEqualTo(anonymous.sessionId());
		assertThat(this.repository.findById(anonymous.sessionId())).isNull();
		assertThat(this.repository.findById(authenticated.sessionId())).isNotNull();
		assertThat(this.repository.findByPrincipalName("user")).containsKey(authenticated.sessionId());
		HttpResponse<String> me = this.client.get("/me", authenticated.value());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).isEqualTo("user");
		assertThat(this.client.get("/me", anonymous.value()).statusCode()).isEqualTo(302);
		assertThat(this.client.get("/me", null).statusCode()).isEqualTo(302);
	}

	@Test
	void logoutInvalidatesTheSession() {
		SetCookie authenticated = logIn(anonymousSession());
		assertThat(this.client.get("/me", authenticated.value()).statusCode()).isEqualTo(200);
		String csrf = this.client.get("/csrf", authenticated.value()).body();
		HttpResponse<String> logout = this.client.postForm("/logout", Map.of("_csrf", csrf), authenticated.value());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		assertThat(this.repository.findById(authenticated.sessionId())).isNull();
		assertThat(this.repository.findByPrincipalName("user")).doesNotContainKey(authenticated.sessionId());
		HttpResponse<String> me = this.client.get("/me", authenticated.value());
		assertThat(me.statusCode()).isEqualTo(302);
		assertThat(me.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	/**
	 * Starts an anonymous session, holding the CSRF token that the login form needs.
	 */
	private SetCookie anonymousSession() {
		HttpResponse<String> response = this.client.get("/csrf", null);
		SetCookie cookie = this.client.sessionCookie(response);
		assertThat(cookie).isNotNull();
		return cookie;
	}

	private SetCookie logIn(SetCookie anonymous) {
		String csrf = this.client.get("/csrf", anonymous.value()).body();
		HttpResponse<String> login = this.client.postForm("/login",
				Map.of("username", "user", "password", "password", "_csrf", csrf), anonymous.value());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/"));
		SetCookie authenticated = this.client.sessionCookie(login);
		assertThat(authenticated).isNotNull();
		return authenticated;
	}

}
