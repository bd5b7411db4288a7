package dev.sessionkit.core.codec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonAttributeCodecTests {

	private final AttributeCodec codec = AttributeCodec.json(List.of("dev.sessionkit.core.codec"),
			getClass().getClassLoader());

	static List<Object> values() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("long", 7L);
		nested.put("int", 7);
		nested.put("list", new ArrayList<>(List.of(1L, "two", new BigDecimal("3.50"))));
		return List.of("text", 42, 42L, 1.5d, 1.5f, true, new BigDecimal("1234.50"),
				Instant.parse("2026-11-22T03:00:00Z"), LocalDate.of(2026, 11, 22), Duration.ofMinutes(30),
				UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016cb8e6c2d"), LoanTerm.THIRTY_YEARS,
				new Applicant("Ada", 120_000L, LoanTerm.FIFTEEN_YEARS), nested, new TreeSet<>(Set.of("a", "b")),
				List.of(new Applicant("Bob", 1L, LoanTerm.THIRTY_YEARS)), new MutableForm("x", 3), new int[] { 1, 2 },
				Map.of("k", 1L));
	}

	@ParameterizedTest
	@MethodSource("values")
	void valuesRoundTripWithTheirExactTypes(Object value) {
		String json = this.codec.encode("attr", value);
		Object decoded = this.codec.decode("attr", json);
		if (value instanceof int[] ints) {
			assertThat(decoded).isInstanceOf(int[].class);
			assertThat((int[]) decoded).containsExactly(ints);
			return;
		}
		assertThat(decoded).isEqualTo(value);
		if (!(value instanceof Map || value instanceof List || value instanceof Set)) {
			assertThat(decoded).hasSameClassAs(value);
		}
	}

	@Test
	void nestedNumbersKeepLongAndInteger() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("long", 7L);
		nested.put("int", 7);
		@SuppressWarnings("unchecked")
		Map<String, Object> decoded = (Map<String, Object>) this.codec.decode("m", this.codec.encode("m", nested));
		assertThat(decoded.get("long")).isInstanceOf(Long.class);
		assertThat(decoded.get("int")).isInstanceOf(Integer.class);
	}

	@Test
	void storedFormIsReadableJson() {
		assertThat(this.codec.encode("applicant", new Applicant("Ada", 1L, LoanTerm.THIRTY_YEARS)))
			.contains("\"name\":\"Ada\"");
	}

	@Test
	void typeOutsideTheAllowlistIsRefusedWhenEncoded() {
		AttributeCodec strict = AttributeCodec.json();
		assertThatExceptionOfType(AttributeCodecException.class)
			.isThrownBy(() -> strict.encode("applicant", new Applicant("Ada", 1L, LoanTerm.THIRTY_YEARS)))
			.withMessageContaining("applicant")
			.withMessageContaining(Applicant.class.getName())
			.satisfies((ex) -> assertThat(ex.getAttributeName()).isEqualTo("applicant"));
	}

	@Test
	void typeIdOutsideTheAllowlistIsRefusedWhenDecoded() {
		String json = this.codec.encode("applicant", new Applicant("Ada", 1L, LoanTerm.THIRTY_YEARS));
		assertThatExceptionOfType(AttributeCodecException.class)
			.isThrownBy(() -> AttributeCodec.json().decode("applicant", json))
			.withMessageContaining("applicant");
	}

	@Test
	void gadgetTypeIdIsRefused() {
		String json = "[\"java.lang.ProcessBuilder\",{\"command\":[\"true\"]}]";
		assertThatExceptionOfType(AttributeCodecException.class).isThrownBy(() -> this.codec.decode("evil", json));
	}

	@Test
	void classThatNoLongerExistsIsReported() {
		String json = "{\"@class\":\"dev.sessionkit.core.codec.RemovedInLastRelease\",\"name\":\"Ada\"}";
		assertThatExceptionOfType(AttributeCodecException.class).isThrownBy(() -> this.codec.decode("gone", json))
			.withMessageContaining("gone");
	}

	@Test
	void corruptJsonIsReported() {
		assertThatExceptionOfType(AttributeCodecException.class).isThrownBy(() -> this.codec.decode("bad", "{\"@cla"));
	}

	@Test
	void tooBroadPackagesAreRefused() {
		for (String name : List.of("java.util", "javax", "com", "not a package")) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> AttributeCodec.json(List.of(name), getClass().getClassLoader()))
				.withMessageContaining(name);
		}
	}

	record Applicant(String name, long income, LoanTerm term) {
	}

	enum LoanTerm {

		FIFTEEN_YEARS, THIRTY_YEARS

	}

	static class MutableForm {

		private String field;

		private int step;

		MutableForm() {
		}

		MutableForm(String field, int step) {
			this.field = field;
			this.step = step;
		}

		public String getField() {
			return this.field;
		}

		public void setField(String field) {
			this.field = field;
		}

		public int getStep() {
			return this.step;
		}

		public void setStep(int step) {
			this.step = step;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof MutableForm form && form.field.equals(this.field) && form.step == this.step;
		}

		@Override
		public int hashCode() {
			return this.field.hashCode();
		}

	}

}
