package dev.sessionkit.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.codec.AttributeCodecException;
import org.jspecify.annotations.Nullable;

/**
 * The types whose {@linkplain ValueTemplates templates} equal what a JSON round trip of
 * their values gives, learnt from one real round trip per type: a template may stand in
 * for decoding only when every type in it has passed one. Shared by all the sessions of a
 * repository, and safe for concurrent use.
 */
final class FaithfulTypes {

	private final AttributeCodec codec;

	/** Types that came back as they went, anywhere in a value. */
	private final Set<Class<?>> faithful = ConcurrentHashMap.newKeySet();

	/** Types that came back different: templates that hold them are never used. */
	private final Set<Class<?>> unfaithful = ConcurrentHashMap.newKeySet();

	/**
	 * Types the codec encoded as an attribute's value: the codec checks the type of the
	 * value itself against its allowlist, which a type met only inside values never was.
	 */
	private final Set<Class<?>> roots = ConcurrentHashMap.newKeySet();

	FaithfulTypes(AttributeCodec codec) {
		this.codec = codec;
	}

	/**
	 * Starts checking a template of the given value: hand the check to
	 * {@link ValueTemplates#template} to collect its types.
	 * @param value the attribute's value
	 * @param asRoot whether the value must also have been encoded as an attribute's value
	 * before, because no encoding will check its type this time
	 */
	Check check(Object value, boolean asRoot) {
		Check check = new Check();
		if (asRoot && !this.roots.contains(value.getClass())) {
			check.unproven(value.getClass());
		}
		return check;
	}

	/**
	 * Decides the unproven types of a check with one real round trip of the value's
	 * encoded form, and records the outcome for the next values.
	 * @param name the attribute name, for the codec
	 * @param rootType the class of the value itself, which the codec just encoded
	 * @param encoded the encoded form of the value
	 * @param template the value's template
	 * @return whether the template equals what decoding gives
	 */
	boolean prove(String name, Class<?> rootType, Check check, String encoded, Object template) {
		Object decoded;
		try {
			decoded = this.codec.decode(name, encoded);
		}
		catch (AttributeCodecException ex) {
			this.unfaithful.addAll(suspects(check.unproven));
			return false;
		}
		if (!sameStructure(decoded, template)) {
			this.unfaithful.addAll(suspects(check.unproven));
			return false;
		}
		this.faithful.addAll(check.unproven);
		this.roots.add(rootType);
		return true;
	}

	/**
	 * A template of a value just encoded, when every type in it is known, or proven now
	 * by decoding {@code encoded} once, to come back from JSON as it is.
	 * @return the template, or {@code null} when the value must be read by decoding
	 */
	@Nullable Object templateOfEncoded(String name, Object value, String encoded) {
		Check check = check(value, false);
		Object template = ValueTemplates.template(value, check);
		if (template == null || check.rejected()) {
			return null;
		}
		if (!check.proven() && !prove(name, value.getClass(), check, encoded, template)) {
			return null;
		}
		return template;
	}

	/**
	 * Records the unproven types of a check as unfaithful without a round trip: for a
	 * template whose size bound came out below its encoded size.
	 */
	void distrust(Check check) {
		this.unfaithful.addAll(suspects(check.unproven));
	}

	/**
	 * The application's records and enums among the given types, if any: JSON gives the
	 * JDK's collections and leaves back as they were, so those are not to blame.
	 */
	private static Set<Class<?>> suspects(Collection<Class<?>> types) {
		Set<Class<?>> suspects = new HashSet<>();
		for (Class<?> type : types) {
			if (type.isRecord() || ValueTemplates.enumTypeOf(type) != null) {
				suspects.add(type);
			}
		}
		return suspects.isEmpty() ? new HashSet<>(types) : suspects;
	}

	/** Equal values of the same classes, all the way down. */
	private static boolean sameStructure(@Nullable Object decoded, @Nullable Object template) {
		if (decoded == null || template == null) {
			return decoded == template;
		}
		if (decoded.getClass() != template.getClass() || !Objects.equals(decoded, template)) {
			return false;
		}
		if (decoded instanceof Collection<?> left && template instanceof Collection<?> right) {
			if (decoded instanceof List<?>) {
				Iterator<?> rightElements = right.iterator();
				for (Object element : left) {
					if (!sameStructure(element, rightElements.next())) {
						return false;
					}
				}
			}
			return true;
		}
		if (decoded instanceof Map<?, ?> left && template instanceof Map<?, ?> right) {
			for (Map.Entry<?, ?> entry : left.entrySet()) {
				if (!sameStructure(entry.getValue(), right.get(entry.getKey()))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * The types met in one template, as {@link ValueTemplates#template} reports them:
	 * whether one of them is known to be unfaithful, and which have not been proven yet.
	 */
	final class Check implements Consumer<Class<?>> {

		private final List<Class<?>> unproven = new ArrayList<>(2);

		private boolean rejected;

		private Check() {
		}

		@Override
		public void accept(Class<?> type) {
			if (this.rejected) {
				return;
			}
			if (FaithfulTypes.this.unfaithful.contains(type)) {
				this.rejected = true;
			}
			else if (!FaithfulTypes.this.faithful.contains(type) && !this.unproven.contains(type)) {
				this.unproven.add(type);
			}
		}

		private void unproven(Class<?> type) {
			this.unproven.add(type);
		}

		/** Whether a type of the template is known to come back different. */
		boolean rejected() {
			return this.rejected;
		}

		/** Whether every type of the template is known to come back as it went. */
		boolean proven() {
			return !this.rejected && this.unproven.isEmpty();
		}

	}

}
