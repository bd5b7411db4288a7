package dev.sessionkit.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An upper bound of the UTF-8 size of the JSON the attribute codec writes for a
 * {@linkplain ValueTemplates template}, found without writing it: the size limit of a
 * session then needs the exact size only near the limit. Every node is counted with room
 * for a type id and its punctuation, every character of a string as the most it can take
 * once escaped.
 */
final class JsonSizeBound {

	/** No bound is known: the exact size must be computed. */
	static final long UNKNOWN = Long.MAX_VALUE;

	/** Room for a number written in full: a long, a double, an int. */
	private static final int NUMBER = 26;

	/** Room for a {@code java.time} value, a UUID or another short leaf. */
	private static final int SHORT_LEAF = 64;

	/** Room for {@code "@class":"...",} or {@code ["...",...]} around a value. */
	private static final ClassValue<Long> TYPE_ID = new ClassValue<>() {
		@Override
		protected Long computeValue(Class<?> type) {
			return 3L * type.getName().length() + 16;
		}
	};

	private static final ClassValue<@Nullable Component[]> COMPONENTS = new ClassValue<>() {
		@Override
		protected Component @Nullable [] computeValue(Class<?> type) {
			return components(type);
		}
	};

	private JsonSizeBound() {
	}

	/**
	 * Returns an upper bound of the encoded size of a template.
	 * @param template a value made by {@link ValueTemplates#template}
	 * @return the bound in bytes, or {@link #UNKNOWN}
	 */
	static long of(Object template) {
		try {
			return Math.max(0, bound(template));
		}
		catch (ArithmeticException ex) {
			return UNKNOWN;
		}
	}

	private static long bound(@Nullable Object value) {
		if (value == null) {
			return 4;
		}
		Class<?> type = value.getClass();
		long typeId = TYPE_ID.get(type);
		if (value instanceof String text) {
			return Math.addExact(typeId, string(text));
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
			return Math.addExact(typeId, number(value));
		}
		if (value instanceof UUID || type.getName().startsWith("java.time.")) {
			return typeId + SHORT_LEAF;
		}
		if (value instanceof Enum<?> constant) {
			return Math.addExact(typeId, Math.max(string(constant.name()), string(constant.toString())));
		}
		if (value instanceof Collection<?> collection) {
			long size = typeId + 2;
			for (Object element : collection) {
				size = Math.addExact(size, bound(element) + 1);
			}
			return size;
		}
		if (value instanceof Map<?, ?> map) {
			long size = typeId + 2;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size = Math.addExact(size, string(String.valueOf(entry.getKey())) + 2 + bound(entry.getValue()));
			}
			return size;
		}
		if (type.isRecord()) {
			return record(value, type, typeId);
		}
		return UNKNOWN;
	}

	private static long record(Object value, Class<?> type, long typeId) {
		Component[] components = COMPONENTS.get(type);
		if (components == null) {
			return UNKNOWN;
		}
		long size = typeId + 2;
		for (Component component : components) {
			long valueSize;
			if (component.type.isPrimitive()) {
				valueSize = (component.type == char.class) ? 8 : NUMBER;
			}
			else {
				Object componentValue;
				try {
					componentValue = component.accessor.invokeExact(value);
				}
				catch (Throwable ex) {
					return UNKNOWN;
				}
				valueSize = bound(componentValue);
			}
			size = Math.addExact(size, component.nameSize + 2 + valueSize);
		}
		return size;
	}

	private static long number(Object value) {
		if (value instanceof BigDecimal decimal) {
			// digits, sign, point and an exponent, or up to 6 leading zeros
			return decimal.precision() + 16L;
		}
		if (value instanceof BigInteger integer) {
			return integer.bitLength() / 3 + 3L;
		}
		return (value instanceof Character) ? 8 : NUMBER;
	}

	/**
	 * The most bytes a string takes in JSON: quotes, control characters escaped as
	 * {@code \}{@code u00XX}, quotes and backslashes escaped, the rest in UTF-8.
	 */
	static long string(String text) {
		long size = 2;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				size += 6;
			}
			else if (c == '"' || c == '\\') {
				size += 2;
			}
			else if (c < 0x80) {
				size += 1;
			}
			else {
				size += (c < 0x800) ? 2 : 3;
			}
		}
		return size;
	}

	private static Component @Nullable [] components(Class<?> type) {
		RecordComponent[] recordComponents = type.getRecordComponents();
		if (recordComponents == null) {
			return null;
		}
		Component[] components = new Component[recordComponents.length];
		MethodHandles.Lookup lookup = MethodHandles.lookup();
		for (int i = 0; i < recordComponents.length; i++) {
			RecordComponent recordComponent = recordComponents[i];
			Method accessor = recordComponent.getAccessor();
			try {
				accessor.setAccessible(true);
				MethodHandle handle = lookup.unreflect(accessor)
					.asType(MethodType.methodType(Object.class, Object.class));
				components[i] = new Component(string(recordComponent.getName()) + 1, recordComponent.getType(), handle);
			}
			catch (RuntimeException | IllegalAccessException ex) {
				// an accessor this module may not call: the exact size will be computed
				return null;
			}
		}
		return components;
	}

	/**
	 * A record component: the room its name takes with its colon and comma, its type, and
	 * its accessor as {@code (Object) -> Object}.
	 */
	private record Component(long nameSize, Class<?> type, MethodHandle accessor) {
	}

}
