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

	/** What each class is, for the bound: decided once per class. */
	private static final ClassValue<Node> NODES = new ClassValue<>() {
		@Override
		protected Node computeValue(Class<?> type) {
			return Node.of(type);
		}
	};

	private JsonSizeBound() {
	}

	/**
	 * Returns an upper bound of the encoded size of a template, counting six bytes for
	 * every character of a string: cheap, since no string is scanned.
	 * @param template a value made by {@link ValueTemplates#template}
	 * @return the bound in bytes, or {@link #UNKNOWN}
	 */
	static long of(Object template) {
		return of(template, false);
	}

	/**
	 * Returns an upper bound of the encoded size of a template, looking at every
	 * character of its strings: tighter, and linear in their length.
	 * @param template a value made by {@link ValueTemplates#template}
	 * @return the bound in bytes, or {@link #UNKNOWN}
	 */
	static long tight(Object template) {
		return of(template, true);
	}

	/**
	 * Returns the bound of a list from the bounds of its elements, as {@link #of} counts
	 * it.
	 * @param listType the list's class, for its type id
	 * @param elements the sum of the elements' bounds, or {@link #UNKNOWN}
	 * @param count the number of elements
	 * @return the bound in bytes, or {@link #UNKNOWN}
	 */
	static long ofList(Class<?> listType, long elements, int count) {
		long size = NODES.get(listType).typeId + 2 + count + elements;
		return (elements == UNKNOWN || size < 0) ? UNKNOWN : size;
	}

	private static long of(Object template, boolean scan) {
		try {
			return Math.max(0, bound(template, scan));
		}
		catch (ArithmeticException ex) {
			return UNKNOWN;
		}
	}

	private static long bound(@Nullable Object value, boolean scan) {
		if (value == null) {
			return 4;
		}
		Class<?> type = value.getClass();
		Node node = NODES.get(type);
		long typeId = node.typeId;
		return switch (node.kind) {
			case STRING -> Math.addExact(typeId, string((String) value, scan));
			case NUMBER -> Math.addExact(typeId, number(value));
			case SHORT_LEAF -> typeId + SHORT_LEAF;
			case ENUM ->
				Math.addExact(typeId, Math.max(string(((Enum<?>) value).name(), true), string(value.toString(), true)));
			case COLLECTION -> {
				long size = typeId + 2;
				for (Object element : (Collection<?>) value) {
					size = Math.addExact(size, bound(element, scan) + 1);
				}
				yield size;
			}
			case MAP -> {
				long size = typeId + 2;
				for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
					size = Math.addExact(size,
							string(String.valueOf(entry.getKey()), scan) + 2 + bound(entry.getValue(), scan));
				}
				yield size;
			}
			case RECORD -> record(value, node, scan);
			case UNKNOWN -> UNKNOWN;
		};
	}

	private static long record(Object value, Node node, boolean scan) {
		Component[] components = node.components;
		if (components == null) {
			return UNKNOWN;
		}
		long size = node.typeId + 2;
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
				valueSize = bound(componentValue, scan);
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
	 * {@code \}{@code u00XX}, quotes and backslashes escaped, the rest in UTF-8; without
	 * a scan, six bytes a character.
	 */
	private static long string(String text, boolean scan) {
		if (!scan) {
			return 2 + 6L * text.length();
		}
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
				components[i] = new Component(string(recordComponent.getName(), true) + 1, recordComponent.getType(),
						handle);
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

	private enum Kind {

		STRING, NUMBER, SHORT_LEAF, ENUM, COLLECTION, MAP, RECORD, UNKNOWN

	}

	/**
	 * A class as the bound sees it: its kind, the room for its type id and punctuation
	 * ({@code "@class":"...",} or {@code ["...",...]}), and a record's components.
	 */
	private static final class Node {

		final Kind kind;

		final long typeId;

		final Component @Nullable [] components;

		private Node(Kind kind, Class<?> type, Component @Nullable [] components) {
			this.kind = kind;
			this.typeId = 3L * type.getName().length() + 16;
			this.components = components;
		}

		static Node of(Class<?> type) {
			if (type == String.class) {
				return new Node(Kind.STRING, type, null);
			}
			if (Number.class.isAssignableFrom(type) || type == Boolean.class || type == Character.class) {
				return new Node(Kind.NUMBER, type, null);
			}
			if (type == UUID.class || type.getName().startsWith("java.time.")) {
				return new Node(Kind.SHORT_LEAF, type, null);
			}
			if (ValueTemplates.enumTypeOf(type) != null) {
				return new Node(Kind.ENUM, type, null);
			}
			if (Collection.class.isAssignableFrom(type)) {
				return new Node(Kind.COLLECTION, type, null);
			}
			if (Map.class.isAssignableFrom(type)) {
				return new Node(Kind.MAP, type, null);
			}
			if (type.isRecord()) {
				return new Node(Kind.RECORD, type, components(type));
			}
			return new Node(Kind.UNKNOWN, type, null);
		}

	}

}
