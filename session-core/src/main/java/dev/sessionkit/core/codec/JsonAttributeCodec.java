package dev.sessionkit.core.codec;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.util.ClassUtils;

/**
 * {@link AttributeCodec} on Jackson 3. Every attribute is written as a value of declared
 * type {@code Object}, so that even final types (records, {@code Long}, {@code Instant})
 * carry their type id and come back as themselves; type ids are checked against a
 * {@link TypeAllowlist} before any class is loaded.
 */
final class JsonAttributeCodec implements AttributeCodec {

	private static final String SECURITY_MODULES = "org.springframework.security.jackson.SecurityJacksonModules";

	private final ObjectWriter writer;

	private final ObjectReader reader;

	private final ClassValue<Boolean> allowedRootTypes;

	JsonAttributeCodec(TypeAllowlist allowlist, ClassLoader classLoader) {
		JsonMapper.Builder builder = JsonMapper.builder();
		TypeAllowlist effective = allowlist;
		if (ClassUtils.isPresent(SECURITY_MODULES, classLoader)) {
			BasicPolymorphicTypeValidator.Builder securityTypes = BasicPolymorphicTypeValidator.builder();
			builder.addModules(SecurityModules.load(classLoader, securityTypes));
			effective = allowlist.with(securityTypes.build());
		}
		builder.activateDefaultTyping(effective, DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);
		JsonMapper mapper = builder.build();
		this.writer = mapper.writerFor(Object.class);
		this.reader = mapper.readerFor(Object.class);
		TypeAllowlist types = effective;
		this.allowedRootTypes = new ClassValue<>() {
			@Override
			protected Boolean computeValue(Class<?> type) {
				return types.isAllowed(type, mapper._serializationContext());
			}
		};
	}

	@Override
	public String encode(String name, Object value) {
		if (!this.allowedRootTypes.get(value.getClass())) {
			throw new AttributeCodecException(name, "type " + value.getClass().getName()
					+ " is not allowed in a session; add its package to sessionkit.allowed-packages", null);
		}
		try {
			return this.writer.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new AttributeCodecException(name,
					"cannot write " + value.getClass().getName() + " as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public Object decode(String name, String encoded) {
		Object value;
		try {
			value = this.reader.readValue(encoded);
		}
		catch (JacksonException ex) {
			throw new AttributeCodecException(name, "cannot read stored JSON: " + ex.getOriginalMessage(), ex);
		}
		if (value == null) {
			throw new AttributeCodecException(name, "stored JSON is null", null);
		}
		return value;
	}

	/**
	 * Spring Security's Jackson 3 modules, with their types added to a validator builder.
	 * Kept apart so that this class loads without Spring Security.
	 */
	private static final class SecurityModules {

		static List<JacksonModule> load(ClassLoader classLoader, BasicPolymorphicTypeValidator.Builder types) {
			List<JacksonModule> modules = new ArrayList<>();
			for (JacksonModule module : org.springframework.security.jackson.SecurityJacksonModules
				.getModules(classLoader, types)) {
				if (module instanceof org.springframework.security.jackson.SecurityJacksonModule securityModule) {
					securityModule.configurePolymorphicTypeValidator(types);
					modules.add(module);
				}
			}
			return modules;
		}

	}

}
