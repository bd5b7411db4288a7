package dev.sessionkit.core;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Private copies of attribute values whose structure is known: immutable leaves (strings,
 * numbers, enums, {@code java.time} values, records made only of those) are shared, the
 * JDK's plain collections are copied. A template handed to {@link #copy} yields a value
 * that no other holder can change, which is what a JSON round trip gives, for a fraction
 * of its cost. Anything else (beans, arrays, other collections) has no template.
 */
final class ValueTemplates {

	private static final Set<Class<?>> LEAVES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
			Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
			UUID.class, Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, Duration.class);

	private static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.annotation.";

	private static final String JACKSON_DATABIND_ANNOTATIONS = "tools.jackson.databind.annotation.";

	/** What each class is, as far as copying goes: decided once per class. */
	private static final ClassValue<Kind> KINDS = new ClassValue<>() {
		@Override
		protected Kind computeValue(Class<?> type) {
			if (LEAVES.contains(type)) {
				return Kind.SHARED;
			}
			if (type == ArrayList.class) {
				return Kind.ARRAY_LIST;
			}
			if (type == HashSet.class) {
				return Kind.HASH_SET;
			}
			if (type == LinkedHashSet.class) {
				return Kind.LINKED_HASH_SET;
			}
			if (type == HashMap.class) {
				return Kind.HASH_MAP;
			}
			if (type == LinkedHashMap.class) {
				return Kind.LINKED_HASH_MAP;
			}
			return isPlain(type, new HashSet<>()) ? Kind.SHARED : Kind.UNKNOWN;
		}
	};

	private ValueTemplates() {
	}

	/**
	 * Returns a template of the value, or {@code null} if its structure is not one this
	 * class knows how to copy.
	 * @param value the value
	 * @param types receives every class met in the value, at least once, for callers that
	 * verify them
	 * @return the template, owned by the caller
	 */
	static @Nullable Object template(Object value, Consumer<Class<?>> types) {
		return copyOf(value, types, 0);
	}

	/**
	 * Returns a copy of a template: collections are new, immutable leaves are shared.
	 * @param template a value returned by {@link #template}
	 * @return the copy
	 */
	static Object copy(Object template) {
		Object copy = copyOf(template, (type) -> {
		}, 0);
		if (copy == null) {
			throw new IllegalStateException("Not a template: " + template.getClass().getName());
		}
		return copy;
	}

	/**
	 * Whether a template is an {@code ArrayList} of immutable values only, so that
	 * copying its array copies it completely, without looking at its elements.
	 * @param template a value returned by {@link #template}
	 * @return whether the template is such a list
	 */
	static boolean isFlatList(Object template) {
		if (template.getClass() != ArrayList.class) {
			return false;
		}
		for (Object element : (ArrayList<?>) template) {
			if (element != null && KINDS.get(element.getClass()) != Kind.SHARED) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns a template of a list that replaces a flat list, when it is flat too. The
	 * elements it shares with {@code previous}, matched by identity where
	 * {@link #alignment} expects them, are known to be immutable, and their classes are
	 * not read again: those objects are rarely in the processor's caches. The other
	 * elements are checked, and reported to {@code types}, as {@link #template} does.
	 * @param list the new value
	 * @param previous a flat list template (see {@link #isFlatList})
	 * @param types receives the list's class and those of the elements not shared
	 * @return the template, a flat list, or {@code null} if the list is not flat
	 */
	static @Nullable ArrayList<Object> flatListTemplate(ArrayList<?> list, ArrayList<?> previous,
			Consumer<Class<?>> types) {
		types.accept(ArrayList.class);
		// check the elements of the copy, which no other holder can change meanwhile
		ArrayList<Object> copy = new ArrayList<>(list);
		int offset = alignment(previous, copy);
		int shared = previous.size();
		for (int i = 0; i < copy.size(); i++) {
			Object element = copy.get(i);
			int j = i + offset;
			if (element == null || (j < shared && previous.get(j) == element)) {
				continue;
			}
			Class<?> type = element.getClass();
			types.accept(type);
			if (KINDS.get(type) != Kind.SHARED) {
				return null;
			}
		}
		return copy;
	}

	/**
	 * Where the elements of a list sit in the list it replaces, which most changes leave
	 * in place but at the ends: element {@code i} of {@code list} is expected at
	 * {@code i + offset} of {@code previous}, aligned on the first element, matched by
	 * identity.
	 * @return the offset, 0 when the first element is not in {@code previous}
	 */
	static int alignment(ArrayList<?> previous, ArrayList<?> list) {
		if (list.isEmpty()) {
			return 0;
		}
		Object first = list.get(0);
		for (int i = 0; i < previous.size(); i++) {
			if (previous.get(i) == first) {
				return i;
			}
		}
		return 0;
	}

	private static @Nullable Object copyOf(@Nullable Object value, Consumer<Class<?>> types, int depth) {
		if (value == null) {
			return NULL;
		}
		if (depth > 32) {
			return null;
		}
		Class<?> type = value.getClass();
		types.accept(type);
		return switch (KINDS.get(type)) {
			case SHARED -> value;
			case ARRAY_LIST ->
				copyElements((Collection<?>) value, new ArrayList<>(((Collection<?>) value).size()), types, depth);
			case HASH_SET -> copyElements((Collection<?>) value, new HashSet<>(), types, depth);
			case LINKED_HASH_SET -> copyElements((Collection<?>) value, new LinkedHashSet<>(), types, depth);
			case HASH_MAP -> copyEntries((Map<?, ?>) value, new HashMap<>(), types, depth);
			case LINKED_HASH_MAP -> copyEntries((Map<?, ?>) value, new LinkedHashMap<>(), types, depth);
			case UNKNOWN -> null;
		};
	}

	private static @Nullable Object copyElements(Collection<?> source, Collection<Object> target,
			Consumer<Class<?>> types, int depth) {
		Class<?> shared = null;
		// an array copy and an indexed loop: cheaper than the collection's iterator
		for (Object element : source.toArray()) {
			if (element != null && element.getClass() == shared) {
				// most collections hold one class: an immutable one needs no second look
				target.add(element);
				continue;
			}
			Object copy = copyOf(element, types, depth + 1);
			if (copy == element && element != null) {
				// only immutable values come back as themselves
				shared = element.getClass();
			}
			if (copy == null) {
				return null;
			}
			target.add((copy != NULL) ? copy : null);
		}
		return target;
	}

	/** Maps with string keys only: JSON keys come back as strings whatever they were. */
	private static @Nullable Object copyEntries(Map<?, ?> source, Map<Object, Object> target, Consumer<Class<?>> types,
			int depth) {
		for (Map.Entry<?, ?> entry : source.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				return null;
			}
			Object copy = copyOf(entry.getValue(), types, depth + 1);
			if (copy == null) {
				return null;
			}
			target.put(key, (copy != NULL) ? copy : null);
		}
		return target;
	}

	/**
	 * An enum, or a record whose components are all primitives, leaves or such types,
	 * none of them carrying Jackson annotations and the record declaring no other getters
	 * (either could make JSON differ from the fields).
	 */
	private static boolean isPlain(Class<?> type, Set<Class<?>> visiting) {
		if (type.isPrimitive() || LEAVES.contains(type)) {
			return true;
		}
		Class<?> enumType = enumTypeOf(type);
		if (enumType != null) {
			return !hasJacksonAnnotation(enumType) && noneAnnotated(enumType.getDeclaredFields())
					&& noneAnnotated(enumType.getDeclaredMethods());
		}
		if (!type.isRecord() || !visiting.add(type) || hasJacksonAnnotation(type)) {
			return false;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			if (hasJacksonAnnotation(component) || hasJacksonAnnotation(component.getAccessor())
					|| !isPlain(component.getType(), visiting)) {
				return false;
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (hasJacksonAnnotation(constructor) || !noneAnnotated(constructor.getParameters())) {
				return false;
			}
		}
		return noneAnnotated(type.getDeclaredFields()) && !hasOtherGetters(type);
	}

	/**
	 * Whether a record declares a public getter besides its accessors, which Jackson
	 * would write as one more property.
	 */
	private static boolean hasOtherGetters(Class<?> record) {
		Set<String> accessors = new HashSet<>();
		for (RecordComponent component : record.getRecordComponents()) {
			accessors.add(component.getName());
		}
		for (Method method : record.getDeclaredMethods()) {
			String name = method.getName();
			boolean getterName = (name.startsWith("get") && name.length() > 3)
					|| (name.startsWith("is") && name.length() > 2);
			if (getterName && Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& method.getParameterCount() == 0 && method.getReturnType() != void.class && !method.isSynthetic()
					&& !accessors.contains(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The enum a class is, or whose constant it is the body of; {@code null} for other
	 * classes.
	 */
	static @Nullable Class<?> enumTypeOf(Class<?> type) {
		if (type.isEnum()) {
			return type;
		}
		Class<?> superclass = type.getSuperclass();
		return (superclass != null && superclass.isEnum()) ? superclass : null;
	}

	private static boolean noneAnnotated(AnnotatedElement[] elements) {
		for (AnnotatedElement element : elements) {
			if (hasJacksonAnnotation(element)) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		for (Annotation annotation : element.getAnnotations()) {
			String name = annotation.annotationType().getName();
			if (name.startsWith(JACKSON_ANNOTATIONS) || name.startsWith(JACKSON_DATABIND_ANNOTATIONS)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Stands for a null element while copying, so that {@code null} can mean "no
	 * template".
	 */
	private static final Object NULL = new Object();

	private enum Kind {

		/** Immutable: a leaf, or an enum or record made only of leaves. */
		SHARED,

		ARRAY_LIST, HASH_SET, LINKED_HASH_SET, HASH_MAP, LINKED_HASH_MAP,

		/** Anything else: no template. */
		UNKNOWN

	}

}
