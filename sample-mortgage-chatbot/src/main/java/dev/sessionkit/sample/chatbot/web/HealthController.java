package dev.sessionkit.sample.chatbot.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health check for the platform ({@code healthCheckPath} on Render): up whenever the
 * application serves HTTP. It never touches the session store, so that a Redis blip
 * cannot fail a deploy or get the instance restarted; session requests report such
 * trouble themselves.
 */
@RestController
class HealthController {

	static final String PATH = "/healthz";

	@GetMapping(PATH)
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

}
