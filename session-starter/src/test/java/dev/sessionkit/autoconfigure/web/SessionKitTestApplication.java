package dev.sessionkit.autoconfigure.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application that adds nothing for sessions but the starter: an MVC
 * controller that uses {@link HttpSession}, and Spring Security's form login with one
 * user, "user" with password "password".
 */
@SpringBootApplication
public class SessionKitTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/counter", "/basket", "/csrf", "/error")
			.permitAll()
			.anyRequest()
			.authenticated()).formLogin(Customizer.withDefaults()).logout(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager(
				User.withUsername("user").password("{noop}password").roles("USER").build());
	}

	/**
	 * A type of the application, stored in sessions when its package is allowed.
	 *
	 * @param items the items in the basket
	 */
	public record Basket(List<String> items) {

	}

	@RestController
	static class SessionController {

		@GetMapping("/counter")
		int counter(HttpSession session) {
			Integer count = (Integer) session.getAttribute("count");
			int next = (count != null) ? count + 1 : 1;
			session.setAttribute("count", next);
			return next;
		}

		@GetMapping("/basket")
		String addToBasket(@RequestParam String item, HttpSession session) {
			Basket basket = (Basket) session.getAttribute("basket");
			List<String> items = new ArrayList<>((basket != null) ? basket.items() : List.of());
			items.add(item);
			session.setAttribute("basket", new Basket(items));
			return String.join(",", items);
		}

		@GetMapping("/csrf")
		String csrf(CsrfToken token) {
			return token.getToken();
		}

		@GetMapping("/me")
		String me(Principal principal) {
			return principal.getName();
		}

	}

}
