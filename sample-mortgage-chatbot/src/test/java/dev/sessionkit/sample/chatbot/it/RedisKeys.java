package dev.sessionkit.sample.chatbot.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.sessionkit.testkit.redis.RedisServer;

/**
 * What a test can see of the sessions in a Redis server.
 */
final class RedisKeys {

	private RedisKeys() {
	}

	/**
	 * Returns every key of the server.
	 */
	@SuppressWarnings("unchecked")
	static List<String> all(RedisServer redis) {
		return (List<String>) redis.command("KEYS", "*");
	}

	/**
	 * Returns the keys that hold the session a cookie names.
	 * @param redis the server
	 * @param cookie the {@code SESSION} cookie's value, Base64 of the session id
	 */
	static List<String> ofSession(RedisServer redis, String cookie) {
		String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		return all(redis).stream().filter((key) -> key.contains(id)).toList();
	}

}
