package dev.sessionkit.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * An {@link EnvironmentPostProcessor} that maps the environment variables common on
 * hosting platforms onto SessionKit's properties, at the lowest precedence: a
 * {@code sessionkit.*} property set anywhere else (application properties, a
 * {@code SESSIONKIT_*} environment variable, a command-line argument) wins.
 * <table>
 * <caption>Aliases</caption>
 * <tr>
 * <th>Environment variable</th>
 * <th>Property</th>
 * </tr>
 * <tr>
 * <td>{@code SESSION_STORE}</td>
 * <td>{@code sessionkit.store}</td>
 * </tr>
 * <tr>
 * <td>{@code SESSION_TTL_SECONDS}</td>
 * <td>{@code sessionkit.timeout} (seconds)</td>
 * </tr>
 * <tr>
 * <td>{@code REDIS_URL}</td>
 * <td>{@code sessionkit.redis.url}</td>
 * </tr>
 * <tr>
 * <td>{@code REDIS_PREFIX}</td>
 * <td>{@code sessionkit.redis.key-prefix}</td>
 * </tr>
 * <tr>
 * <td>{@code REDIS_HOST}, {@code REDIS_PORT}, {@code REDIS_PASSWORD},
 * {@code REDIS_DB}</td>
 * <td>{@code sessionkit.redis.host}, {@code .port}, {@code .password},
 * {@code .database}</td>
 * </tr>
 * </table>
 * Blank variables are ignored. The properties keep their variable as origin, so a bad
 * value is reported with the variable that set it.
 */
final class SessionKitEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source holding the aliases.
	 */
	static final String PROPERTY_SOURCE_NAME = "sessionkitEnvironmentAliases";

	/**
	 * Runs after the application's configuration files are loaded, so that the aliases
	 * can be placed below them.
	 */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	private static final Map<String, String> ALIASES = Map.of("SESSION_STORE", "sessionkit.store",
			"SESSION_TTL_SECONDS", "sessionkit.timeout", "REDIS_URL", "sessionkit.redis.url", "REDIS_PREFIX",
			"sessionkit.redis.key-prefix", "REDIS_HOST", "sessionkit.redis.host", "REDIS_PORT", "sessionkit.redis.port",
			"REDIS_PASSWORD", "sessionkit.redis.password", "REDIS_DB", "sessionkit.redis.database");

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> systemEnvironment = sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (systemEnvironment == null) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		Map<String, String> variables = new LinkedHashMap<>();
		ALIASES.forEach((variable, property) -> {
			Object value = systemEnvironment.getProperty(variable);
			if (value != null && StringUtils.hasText(value.toString())) {
				properties.put(property, value.toString().trim());
				variables.put(property, variable);
			}
		});
		if (properties.isEmpty()) {
			return;
		}
		AliasPropertySource aliases = new AliasPropertySource(properties, variables);
		sources.remove(PROPERTY_SOURCE_NAME);
		if (sources.contains(DefaultPropertiesPropertySource.NAME)) {
			sources.addBefore(DefaultPropertiesPropertySource.NAME, aliases);
		}
		else {
			sources.addLast(aliases);
		}
	}

	/**
	 * The aliased properties, each with its environment variable as origin.
	 */
	static final class AliasPropertySource extends MapPropertySource implements OriginLookup<String> {

		private final Map<String, String> variables;

		AliasPropertySource(Map<String, Object> properties, Map<String, String> variables) {
			super(PROPERTY_SOURCE_NAME, properties);
			this.variables = variables;
		}

		@Override
		public @Nullable Origin getOrigin(String name) {
			String variable = this.variables.get(name);
			return (variable != null) ? new SystemEnvironmentOrigin(variable) : null;
		}

	}

}
