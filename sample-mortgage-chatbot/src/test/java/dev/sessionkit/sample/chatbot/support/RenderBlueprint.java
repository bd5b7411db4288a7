package dev.sessionkit.sample.chatbot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code render.yaml}, read as Render reads it: services and their
 * environment variables.
 */
public final class RenderBlueprint {

	private final Path file;

	private final List<Map<String, Object>> services;

	private RenderBlueprint(Path file, List<Map<String, Object>> services) {
		this.file = file;
		this.services = services;
	}

	/**
	 * Reads the blueprint at the path in the {@code render.yaml} system property, else
	 * {@code ../render.yaml}.
	 * @return the blueprint
	 */
	@SuppressWarnings("unchecked")
	public static RenderBlueprint load() {
		Path file = repositoryFile("render.yaml");
		try {
			Map<String, Object> root = new Yaml().load(Files.readString(file));
			return new RenderBlueprint(file, (List<Map<String, Object>>) root.get("services"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns a file of the repository, found through the system property named after it
	 * or as a sibling of the module.
	 * @param name such as {@code render.yaml} or {@code Dockerfile}
	 * @return the path
	 */
	public static Path repositoryFile(String name) {
		String configured = System.getProperty(name.toLowerCase(Locale.ROOT));
		return (configured != null) ? Path.of(configured) : Path.of("..", name);
	}

	/**
	 * Returns the blueprint file.
	 * @return the path
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * Returns the services.
	 * @return the services, as parsed
	 */
	public List<Map<String, Object>> services() {
		return this.services;
	}

	/**
	 * Returns the only service of a type.
	 * @param type such as {@code web} or {@code keyvalue}
	 * @return the service
	 */
	public Map<String, Object> service(String type) {
		List<Map<String, Object>> matching = this.services.stream()
			.filter((service) -> type.equals(service.get("type")))
			.toList();
		if (matching.size() != 1) {
			throw new IllegalStateException(
					"Expected one " + type + " service in " + this.file + ", found " + matching.size());
		}
		return matching.get(0);
	}

	/**
	 * Returns the web service's environment variables, as declared.
	 * @return the entries, by key
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Map<String, Object>> webEnvVars() {
		Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
		for (Map<String, Object> entry : (List<Map<String, Object>>) service("web").get("envVars")) {
			vars.put((String) entry.get("key"), entry);
		}
		return vars;
	}

	/**
	 * Returns the environment the web service gets, as Render resolves it: plain values
	 * as they are, and each Key Value {@code connectionString} replaced by the given URL.
	 * @param keyValueUrl the URL standing in for the Key Value instance
	 * @return the environment
	 */
	@SuppressWarnings("unchecked")
	public Map<String, String> webEnvironment(String keyValueUrl) {
		Map<String, String> environment = new LinkedHashMap<>();
		webEnvVars().forEach((key, entry) -> {
			Object value = entry.get("value");
			Map<String, Object> from = (Map<String, Object>) entry.get("fromService");
			if (value != null) {
				environment.put(key, String.valueOf(value));
			}
			else if (from != null && "keyvalue".equals(from.get("type"))
					&& "connectionString".equals(from.get("property"))) {
				environment.put(key, keyValueUrl);
			}
		});
		return environment;
	}

	/**
	 * Returns a string field of a service.
	 * @param service the service
	 * @param field the field
	 * @return its value, or {@code null}
	 */
	public static @Nullable String string(Map<String, Object> service, String field) {
		Object value = service.get(field);
		return (value != null) ? Objects.toString(value) : null;
	}

}
