package dev.sessionkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.sessionkit.core.SessionKitRepositoryTests.RecordingStore;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.outside.Outsider;
import org.junit.jupiter.api.Test;

import static dev.sessionkit.core.TestSessions.chat;
import static dev.sessionkit.core.TestSessions.read;
import static dev.sessionkit.core.TestSessions.saved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a value again copies it from what an earlier read or save left, instead of
 * decoding JSON, and gives exactly what decoding would.
 */
class DecodedValuesTests {

	private final RecordingStore store = new RecordingStore();

	private final CountingCodec codec = new CountingCodec(AttributeCodec
		.json(List.of(DecodedValuesTests.class.getPackageName()), DecodedValuesTests.class.getClassLoader()));

	private final SessionKitRepository repository = new SessionKitRepository(this.store, this.codec);

	@Test
	void aValueReadAgainIsCopiedNotDecoded() {
		String id = saved(this.repository, "chat", chat("hello", "hi"));
		List<Message> first = read(this.repository, id, "chat");
		int decodes = this.codec.decodes.get();
		List<Message> second = read(this.repository, id, "chat");
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
		assertThat(second).isEqualTo(first).isNotSameAs(first).isInstanceOf(ArrayList.class);
		assertThat(second.get(0)).isSameAs(first.get(0));
	}

	@Test
	void aSavedValueIsReadWithoutDecodingOnceItsTypesAreKnown() {
		saved(this.repository, "chat", chat("first"));
		int decodes = this.codec.decodes.get();
		String id = saved(this.repository, "chat", chat("second", "third"));
		assertThat(TestSessions.<List<Message>>read(this.repository, id, "chat")).isEqualTo(chat("second", "third"));
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
	}

	@Test
	void aValueOnlyReadIsKeptFromItsSecondDecodingOn() {
		String id = saved(this.repository, "chat", chat("written by another instance"));
		CountingCodec codec = new CountingCodec(this.codec);
		SessionKitRepository otherInstance = new SessionKitRepository(this.store, codec);
		for (int read = 1; read <= 3; read++) {
			KitSession session = otherInstance.findById(id);
			assertThat(session).isNotNull();
			assertThat(session.<List<Message>>getAttribute("chat")).isEqualTo(chat("written by another instance"));
		}
		assertThat(codec.decodes.get()).isEqualTo(2);
	}

	@Test
	void aValueReplacedBySaveIsForgottenButOneSavedAgainUnchangedIsKept() {
		String id = saved(this.repository, "chat", chat("hello"));
		String other = saved(this.repository, "chat", chat("hello"));
		KitSession session = this.repository.findById(id);
		session.setAttribute("chat", chat("hello"));
		this.repository.save(session);
		int decodes = this.codec.decodes.get();
		read(this.repository, other, "chat");
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
		session = this.repository.findById(id);
		session.setAttribute("chat", chat("hello", "a new message"));
		this.repository.save(session);
		read(this.repository, id, "chat");
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
		assertThat(TestSessions.<List<Message>>read(this.repository, other, "chat")).isEqualTo(chat("hello"));
		assertThat(this.codec.decodes.get()).isEqualTo(decodes + 1);
	}

	@Test
	void everyReadGetsItsOwnCopy() {
		String id = saved(this.repository, "chat", chat("hello"));
		List<Message> mine = read(this.repository, id, "chat");
		mine.add(new Message("user", "not saved", Instant.EPOCH, Kind.QUESTION));
		Map<String, List<Message>> nested = new LinkedHashMap<>();
		nested.put("today", chat("a"));
		String other = saved(this.repository, "byDay", nested);
		Map<String, List<Message>> first = read(this.repository, other, "byDay");
		first.get("today").clear();
		assertThat(TestSessions.<List<Message>>read(this.repository, id, "chat")).isEqualTo(chat("hello"));
		assertThat(TestSessions.<Map<String, List<Message>>>read(this.repository, other, "byDay")).isEqualTo(nested);
	}

	@Test
	void aValueWhoseJsonDiffersFromItsFieldsIsReadAsDecodingGivesIt() {
		String id = saved(this.repository, "note", new Annotated("shown", "hidden"));
		assertThat(TestSessions.<Annotated>read(this.repository, id, "note")).isEqualTo(new Annotated("shown", null));
		assertThat(TestSessions.<Annotated>read(this.repository, id, "note")).isEqualTo(new Annotated("shown", null));
	}

	@Test
	void mapsWithNonStringKeysAreReadAsDecodingGivesThem() {
		Map<Long, String> byNumber = new HashMap<>();
		byNumber.put(7L, "seven");
		String id = saved(this.repository, "byNumber", byNumber);
		Map<Object, String> read = read(this.repository, id, "byNumber");
		assertThat(read).containsOnlyKeys("7");
		assertThat(TestSessions.<Map<Object, String>>read(this.repository, id, "byNumber")).containsOnlyKeys("7");
	}

	@Test
	void aNestedTypeThatDecodingRejectsIsNotServedFromASave() {
		List<Object> mixed = new ArrayList<>();
		mixed.add(new Outsider("x"));
		String id = saved(this.repository, "mixed", mixed);
		KitSession session = this.repository.findById(id);
		assertThat(session).isNotNull();
		assertThat(session.<Object>getAttribute("mixed")).isNull();
		saved(this.repository, "chat", chat("lists are still fine"));
		int decodes = this.codec.decodes.get();
		String other = saved(this.repository, "chat", chat("and are served", "without decoding"));
		assertThat(TestSessions.<List<Message>>read(this.repository, other, "chat"))
			.isEqualTo(chat("and are served", "without decoding"));
		assertThat(this.codec.decodes.get()).isEqualTo(decodes);
	}

	@Test
	void sizeZeroDecodesEveryRead() {
		this.repository.setDecodedValueCacheSize(0);
		String id = saved(this.repository, "chat", chat("hello"));
		read(this.repository, id, "chat");
		int decodes = this.codec.decodes.get();
		read(this.repository, id, "chat");
		assertThat(this.codec.decodes.get()).isEqualTo(decodes + 1);
	}

	@Test
	void templatesCopyCollectionsAndShareImmutableValues() {
		Message message = new Message("user", "hello", Instant.EPOCH, Kind.ANSWER);
		List<Object> list = new ArrayList<>(List.of(message, "text", 5L));
		Object template = ValueTemplates.template(list, (type) -> {
		});
		assertThat(template).isEqualTo(list).isNotSameAs(list);
		Object copy = ValueTemplates.copy(template);
		assertThat(copy).isEqualTo(list).isNotSameAs(template);
		assertThat(((List<?>) copy).get(0)).isSameAs(message);
	}

	@Test
	void noTemplateForValuesOfUnknownStructure() {
		assertThat(ValueTemplates.template(new StringBuilder("mutable"), (type) -> {
		})).isNull();
		assertThat(ValueTemplates.template(List.of("immutable", "but", "not", "plain"), (type) -> {
		})).isNull();
		assertThat(ValueTemplates.template(new WithList(new ArrayList<>()), (type) -> {
		})).isNull();
		assertThat(ValueTemplates.template(new Annotated("a", "b"), (type) -> {
		})).isNull();
		assertThat(ValueTemplates.template(new int[] { 1 }, (type) -> {
		})).isNull();
	}

	enum Kind {

		QUESTION, ANSWER

	}

	record Message(String role, String text, Instant at, Kind kind) {
	}

	record Annotated(String shown, @JsonIgnore String hidden) {
	}

	record WithList(List<String> items) {
	}

	static final class CountingCodec implements AttributeCodec {

		final AtomicInteger decodes = new AtomicInteger();

		final AtomicInteger encodes = new AtomicInteger();

		private final AttributeCodec delegate;

		CountingCodec(AttributeCodec delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(String name, Object value) {
			this.encodes.incrementAndGet();
			return this.delegate.encode(name, value);
		}

		@Override
		public Object decode(String name, String encoded) {
			this.decodes.incrementAndGet();
			return this.delegate.decode(name, encoded);
		}

	}

}
