package dev.sessionkit.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a stored session takes changes: what a store that keeps {@link StoredSession}s,
 * like the memory store, ends up holding.
 */
class StoredSessionTests {

	private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");

	private final StoredSession stored = new StoredSession("id", CREATED, CREATED, Duration.ofMinutes(30),
			Map.of("a", value("1"), "b", value("2"), "c", value("3")), null);

	@Test
	void changesReplaceRemoveAndAddAttributesAndKeepTheRest() {
		StoredSession changed = this.stored.apply(changes(Map.of("b", value("20"), "d", value("4")), Set.of("c")));
		assertThat(changed.attributes()).isEqualTo(Map.of("a", value("1"), "b", value("20"), "d", value("4")));
		assertThat(this.stored.attributes()).isEqualTo(Map.of("a", value("1"), "b", value("2"), "c", value("3")));
	}

	@Test
	void anAttributeBothSetAndRemovedIsSet() {
		StoredSession changed = this.stored.apply(changes(Map.of("a", value("10")), Set.of("a", "b")));
		assertThat(changed.attributes()).isEqualTo(Map.of("a", value("10"), "c", value("3")));
	}

	@Test
	void changesWithoutAttributesKeepThemAll() {
		StoredSession changed = this.stored.apply(changes(Map.of(), Set.of()));
		assertThat(changed.attributes()).isEqualTo(this.stored.attributes());
	}

	@Test
	void theAttributesOfAChangedSessionCannotBeChanged() {
		StoredSession changed = this.stored.apply(changes(Map.of("b", value("20")), Set.of()));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> changed.attributes().put("x", value("0")));
	}

	private static SessionChanges changes(Map<String, AttributeValue> set, Set<String> removed) {
		return new SessionChanges("id", "id", false, CREATED, null, null, set, removed, false, null);
	}

	private static AttributeValue value(String json) {
		return AttributeValue.encoded(json);
	}

}
