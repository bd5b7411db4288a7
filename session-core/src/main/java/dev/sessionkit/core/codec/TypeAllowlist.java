package dev.sessionkit.core.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * The types whose names may appear as type ids in stored JSON: JDK value types and
 * collections, the application's packages, and what Spring Security's Jackson modules
 * contribute. Anything else is refused before Jackson loads the class.
 */
final class TypeAllowlist extends PolymorphicTypeValidator.Base {

	private static final Set<String> JDK_CLASSES = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
			"java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
			"java.lang.Character", "java.math.BigDecimal", "java.math.BigInteger", "java.util.ArrayList",
			"java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
			"java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque",
			"java.util.UUID", "java.util.Locale", "java.util.Currency", "java.util.Date", "java.net.URI");

	/**
	 * JDK collection views and immutable collections, which Jackson reads back as
	 * equivalents.
	 */
	private static final List<String> JDK_PREFIXES = List.of("java.time.", "java.util.Collections$",
			"java.util.ImmutableCollections$", "java.util.Arrays$ArrayList");

	/**
	 * Packages an application may not allow wholesale: they hold the classic gadget
	 * classes.
	 */
	private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	private final List<String> packageNames;

	private final List<String> packagePrefixes;

	private final @Nullable PolymorphicTypeValidator contributed;

	TypeAllowlist(Collection<String> allowedPackages) {
		this(allowedPackages, null);
	}

	private TypeAllowlist(Collection<String> allowedPackages, @Nullable PolymorphicTypeValidator contributed) {
		List<String> names = new ArrayList<>();
		for (String name : allowedPackages) {
			String trimmed = name.trim();
			if (!trimmed.matches(
					"[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
				throw new IllegalArgumentException("Allowed package '" + name + "' is not a package name");
			}
			if (!trimmed.contains(".") || JDK_PACKAGES.stream().anyMatch((jdk) -> (trimmed + ".").startsWith(jdk))) {
				throw new IllegalArgumentException("Allowed package '" + name
						+ "' is too broad: name the application's own packages, such as com.example.shop");
			}
			names.add(trimmed);
		}
		this.packageNames = List.copyOf(names);
		this.packagePrefixes = names.stream().map((name) -> name + ".").toList();
		this.contributed = contributed;
	}

	/**
	 * Returns a copy that also allows what the given validator allows (Spring Security's
	 * types).
	 */
	TypeAllowlist with(PolymorphicTypeValidator contributed) {
		return new TypeAllowlist(this.packageNames, contributed);
	}

	/**
	 * Whether a value of this type may be stored, checked before encoding so that a value
	 * that could never be read back fails when it is set, not on a later request.
	 */
	boolean isAllowed(Class<?> type, DatabindContext ctxt) {
		if (isAllowed(type)) {
			return true;
		}
		return this.contributed != null && this.contributed.validateSubType(ctxt, ctxt.constructType(Object.class),
				ctxt.constructType(type)) == Validity.ALLOWED;
	}

	boolean isAllowed(Class<?> type) {
		Class<?> element = type;
		while (element.isArray()) {
			element = element.getComponentType();
		}
		return element.isPrimitive() || isAllowedName(element.getName());
	}

	private boolean isAllowedName(String className) {
		if (JDK_CLASSES.contains(className)) {
			return true;
		}
		for (String prefix : JDK_PREFIXES) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		for (String prefix : this.packagePrefixes) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Validity validateBaseType(DatabindContext ctxt, JavaType baseType) {
		return Validity.INDETERMINATE;
	}

	@Override
	public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
		if (isAllowedName(subClassName)) {
			return Validity.ALLOWED;
		}
		if (this.contributed != null) {
			Validity validity = this.contributed.validateSubClassName(ctxt, baseType, subClassName);
			if (validity != Validity.INDETERMINATE) {
				return validity;
			}
		}
		return Validity.INDETERMINATE;
	}

	@Override
	public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
		if (isAllowed(subType.getRawClass())) {
			return Validity.ALLOWED;
		}
		if (this.contributed != null) {
			Validity validity = this.contributed.validateSubType(ctxt, baseType, subType);
			if (validity == Validity.ALLOWED) {
				return validity;
			}
		}
		return Validity.DENIED;
	}

}
