package dev.sessionkit.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.sessionkit.core.DecodedValuesTests.CountingCodec;
import dev.sessionkit.core.DecodedValuesTests.Kind;
import dev.sessionkit.core.DecodedValuesTests.Message;
import dev.sessionkit.core.SessionKitRepositoryTests.RecordingStore;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.codec.AttributeCodecException;
import dev.sessionkit.core.spi.AttributeValue;
import dev.sessionkit.outside.Outsider;
import org.junit.jupiter.api.Test;

import static dev.sessionkit.core.TestSessions.chat;
import static dev.sessionkit.core.TestSessions.read;
import static dev.sessionkit.core.TestSessions.saved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A store that keeps sessions in the heap gets values as private templates: no JSON is
 * written or read for them, yet every reader gets what a JSON round trip would give, the
 * codec's allowlist still decides, and the size limit still holds exactly.
 */
class HeapValuesTests {

	private final RecordingStore store = new RecordingStore(true);

	private final CountingCodec codec = new CountingCodec(AttributeCodec
		.json(List.of(HeapValuesTests.class.getPackageName()), HeapValuesTests.class.getClassLoader()));

	private final SessionKitRepository repository = new SessionKitRepository(this.store, this.codec);

	@Test
	void oncePastOneRoundTripValuesOfTheSameTypesAreNeitherEncodedNorDecoded() {
		saved(this.repository, "chat", chat("first"));
		assertThat(this.store.last().setAttributes().get("chat").isEncoded()).isFalse();
		int encodes = this.codec.encodes.get();
		int decodes = this.codec.decodes.get();
		String id = saved(this.repository, "chat", chat("second", "third"));
		assertThat(TestSessions.<List<Message>>read(this.repository, id, "chat")).isEqualTo(chat("second", "third"))
			.isInstanceOf(ArrayList.class);
		KitSession session = this.repository.findById(id);
		session.setAttribute("chat", chat("fourth"));
		this.repository.save(session);
		assertThat(TestSessions.<List<Message>>read(this.repository, id, "chat")).isEqualTo(chat("fourth"));
		assertThat(this.codec.encodes.get()).isEqualTo(encodes);
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
	}

	@Test
	void aStoreThatKeepsWhatItSavesGetsJsonWithTheTemplateAndReadsNeedNoDecoding() {
		RecordingStore keeping = RecordingStore.keepingSavedValues();
		SessionKitRepository repository = new SessionKitRepository(keeping, this.codec);
		// no decoded-value cache: a read that ignored the template would decode
		repository.setDecodedValueCacheSize(0);
		saved(repository, "chat", chat("first"));
		String id = saved(repository, "chat", chat("second", "third"));
		AttributeValue sent = keeping.last().setAttributes().get("chat");
		assertThat(sent.isEncoded()).isTrue();
		assertThat(sent.hasHeapForm()).isTrue();
		assertThat(this.codec.decode("chat", sent.encoded())).isEqualTo(chat("second", "third"));
		int decodes = this.codec.decodes.get();
		List<Message> first = read(repository, id, "chat");
		first.clear();
		assertThat(TestSessions.<List<Message>>read(repository, id, "chat")).isEqualTo(chat("second", "third"))
			.isInstanceOf(ArrayList.class);
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
		// a value the template could not give back as decoding would goes as JSON only
		String other = saved(repository, "fixed", List.of("immutable"));
		assertThat(keeping.last().setAttributes().get("fixed").hasHeapForm()).isFalse();
		assertThat(TestSessions.<List<String>>read(repository, other, "fixed")).containsExactly("immutable");
		// a store that does not keep what it saves gets no heap forms
		RecordingStore plain = new RecordingStore();
		saved(new SessionKitRepository(plain, this.codec), "chat", chat("fourth"));
		assertThat(plain.last().setAttributes().get("chat").hasHeapForm()).isFalse();
	}

	@Test
	void neitherTheSaverNorAReaderCanChangeWhatIsStored() {
		List<Message> mine = chat("hello");
		String id = saved(this.repository, "chat", mine);
		mine.add(new Message("user", "changed after the save", Instant.EPOCH, Kind.QUESTION));
		List<Message> read = read(this.repository, id, "chat");
		assertThat(read).isEqualTo(chat("hello"));
		read.clear();
		Map<String, List<Message>> byDay = new LinkedHashMap<>();
		byDay.put("today", chat("a"));
		String other = saved(this.repository, "byDay", byDay);
		TestSessions.<Map<String, List<Message>>>read(this.repository, other, "byDay").get("today").clear();
		byDay.get("today").clear();
		assertThat(TestSessions.<List<Message>>read(this.repository, id, "chat")).isEqualTo(chat("hello"));
		assertThat(TestSessions.<Map<String, List<Message>>>read(this.repository, other, "byDay"))
			.containsEntry("today", chat("a"));
	}

	@Test
	void aListThatKeepsMostElementsOfTheOneItReplacesIsStillCopiedWhereItChanged() {
		String id = saved(this.repository, "log", new ArrayList<>(List.of("first", "second")));
		KitSession session = this.repository.findById(id);
		List<Object> log = session.getAttribute("log");
		List<String> mutable = new ArrayList<>(List.of("third"));
		// the first element shared, the second replaced, a mutable one added
		log.set(1, "changed");
		log.add(mutable);
		session.setAttribute("log", log);
		this.repository.save(session);
		mutable.add("added after the save");
		log.set(0, "changed after the save");
		assertThat(TestSessions.<List<Object>>read(this.repository, id, "log")).containsExactly("first", "changed",
				List.of("third"));
	}

	@Test
	void valuesWithoutATemplateAreStoredEncodedAndReadAsDecodingGivesThem() {
		String id = saved(this.repository, "fixed", List.of(1L, 2L));
		assertThat(this.store.last().setAttributes().get("fixed").isEncoded()).isTrue();
		assertThat(TestSessions.<List<Long>>read(this.repository, id, "fixed")).containsExactly(1L, 2L)
			.isInstanceOf(ArrayList.class);
	}

	@Test
	void aValueWhoseJsonDiffersFromItsFieldsIsStoredAsJsonGivesIt() {
		String id = saved(this.repository, "note", new DecodedValuesTests.Annotated("shown", "hidden"));
		assertThat(TestSessions.<DecodedValuesTests.Annotated>read(this.repository, id, "note"))
			.isEqualTo(new DecodedValuesTests.Annotated("shown", null));
		String other = saved(this.repository, "extra", new WithGetter("x"));
		assertThat(this.store.last().setAttributes().get("extra").isEncoded()).isTrue();
		assertThat(TestSessions.<WithGetter>read(this.repository, other, "extra")).isEqualTo(new WithGetter("x"));
	}

	@Test
	void aTypeTheCodecRefusesIsRefusedAsFromAnyStore() {
		KitSession session = this.repository.createSession();
		session.setAttribute("outsider", new Outsider("alone"));
		assertThatExceptionOfType(AttributeCodecException.class).isThrownBy(() -> this.repository.save(session))
			.withMessageContaining("not allowed");
	}

	@Test
	void aNestedTypeThatDecodingRejectsIsDroppedOnReadAsFromAnyStore() {
		List<Object> mixed = new ArrayList<>();
		mixed.add(new Outsider("x"));
		String id = saved(this.repository, "mixed", mixed);
		assertThat(this.store.last().setAttributes().get("mixed").isEncoded()).isTrue();
		KitSession session = this.repository.findById(id);
		assertThat(session.<Object>getAttribute("mixed")).isNull();
	}

	@Test
	void theSizeLimitCountsTheEncodedSizeOfHeapValues() {
		this.repository.setMaxSessionSize(10_000);
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			numbers.add(i % 10);
		}
		// a bound far above the limit, an encoded size just under it
		String id = saved(this.repository, "numbers", numbers);
		assertThat(this.store.last().setAttributes().get("numbers").isEncoded()).isFalse();
		assertThat(JsonSizeBound.of(numbers)).isGreaterThan(10_000);
		assertThat(this.codec.encode("numbers", numbers).length()).isLessThan(10_000 - "numbers".length());
		KitSession session = this.repository.findById(id);
		numbers.add(1);
		numbers.addAll(numbers);
		session.setAttribute("numbers", numbers);
		long encodedSize = "numbers".length() + this.codec.encode("numbers", numbers).length();
		assertThatExceptionOfType(SessionTooLargeException.class).isThrownBy(() -> this.repository.save(session))
			.withMessageContaining(String.valueOf(encodedSize))
			.withMessageContaining("'numbers'");
		assertThat(TestSessions.<List<Integer>>read(this.repository, id, "numbers")).hasSize(4_000);
	}

	@Test
	void nearTheLimitTheCharactersOfHeapStringsAreCountedBeforeAnythingIsEncoded() {
		this.repository.setMaxSessionSize(10_000);
		saved(this.repository, "warm", "strings have made their round trip");
		KitSession session = this.repository.createSession();
		session.setAttribute("fixed", List.of(1L));
		// six bytes a character would be over the limit, one byte each is not
		session.setAttribute("text", "a".repeat(2_000));
		int encodes = this.codec.encodes.get();
		this.repository.save(session);
		assertThat(this.store.last().setAttributes().get("fixed").isEncoded()).isTrue();
		assertThat(this.store.last().setAttributes().get("text").isEncoded()).isFalse();
		assertThat(this.codec.encodes.get()).isEqualTo(encodes + 1);
		assertThat(TestSessions.<String>read(this.repository, session.getId(), "text")).hasSize(2_000);
	}

	@Test
	void aListSharingElementsWithTheValueItReplacesIsBoundAsIfAnew() {
		FaithfulTypes types = new FaithfulTypes(this.codec);
		List<Message> first = chat("a", "b", "c");
		AttributeValue firstForm = HeapValue.form("chat", first, null, this.codec, types);
		HeapValue firstHeap = (HeapValue) firstForm.inHeap();
		assertThat(firstHeap.sizeBound()).isEqualTo(JsonSizeBound.of(first));
		List<List<Message>> nexts = List.of(withLast(first.subList(1, 3), "a much longer message than any before it"),
				withLast(first, "appended"), withLast(first.subList(0, 2), "the last one replaced"), first,
				withLast(List.of(), "nothing shared"));
		for (List<Message> next : nexts) {
			HeapValue heap = (HeapValue) HeapValue.form("chat", next, firstForm, this.codec, types).inHeap();
			assertThat(heap.sizeBound()).as("bound of %s", next).isEqualTo(JsonSizeBound.of(next));
		}
	}

	private static List<Message> withLast(List<Message> messages, String text) {
		List<Message> list = new ArrayList<>(messages);
		list.add(new Message("user", text, Instant.ofEpochSecond(1_767_225_600L), Kind.QUESTION));
		return list;
	}

	@Test
	void theBoundIsNeverBelowTheEncodedSize() {
		List<Object> values = new ArrayList<>();
		values.add("plain");
		values.add("quotes \" and \\ backslashes, \u0001 controls, \t tabs, \u007f, é, € and 😀");
		values.add("");
		for (String character : List.of("\u0001", "\"", "\\", "é", "€", "😀", "\u007f")) {
			values.add(character.repeat(100));
		}
		values.add(Long.MIN_VALUE);
		values.add(-Double.MIN_VALUE);
		values.add(-Float.MAX_VALUE);
		values.add(Integer.MIN_VALUE);
		values.add((short) -1);
		values.add((byte) 7);
		values.add('"');
		values.add('\u0000');
		values.add(true);
		values.add(new BigDecimal("-1234567890.123456789E-300"));
		values.add(new BigDecimal("0.0000001234"));
		values.add(new BigDecimal(BigInteger.TEN.pow(200)));
		values.add(BigInteger.TWO.pow(300).negate());
		values.add(UUID.randomUUID());
		values.add(Instant.MIN);
		values.add(Instant.MAX);
		values.add(LocalDate.MIN);
		values.add(Duration.ofSeconds(Long.MIN_VALUE));
		values.add(Kind.QUESTION);
		values.add(Term.LONG);
		values.add(new Message("a \"role\"", "\u0002 text", Instant.MAX, Kind.ANSWER));
		values.add(new Primitives(Long.MIN_VALUE, -Double.MAX_VALUE, '\u0003', false, Integer.MIN_VALUE));
		values.add(new Holder(new Outsider("ünïcode")));
		values.add(null);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("\"key\"", new ArrayList<>(values));
		map.put("empty", new HashSet<>());
		map.put("null", null);
		values.add(map);
		for (Object value : values) {
			if (value != null) {
				assertBoundHolds(value);
			}
		}
		assertBoundHolds(values);
	}

	private void assertBoundHolds(Object value) {
		Object template = ValueTemplates.template(value, (type) -> {
		});
		assertThat(template).as("template of %s", value).isNotNull();
		long encoded = KitSession.utf8Length(this.codec.encode("v", template));
		assertThat(JsonSizeBound.tight(template)).as("tight bound of %s", value).isGreaterThanOrEqualTo(encoded);
		assertThat(JsonSizeBound.of(template)).as("bound of %s", value)
			.isGreaterThanOrEqualTo(JsonSizeBound.tight(template));
	}

	record Holder(Outsider outsider) {
	}

	record Primitives(long l, double d, char c, boolean b, int i) {
	}

	/** A record with a getter besides its accessor, which Jackson writes too. */
	record WithGetter(String name) {

		public String getShout() {
			return this.name.toUpperCase();
		}

	}

	/** An enum whose {@code toString} is longer than its name. */
	enum Term {

		LONG {
			@Override
			public String toString() {
				return "a long term, written as \"long\"";
			}
		}

	}

}
