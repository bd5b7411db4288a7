package dev.sessionkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import dev.sessionkit.core.DecodedValuesTests.Kind;
import dev.sessionkit.core.DecodedValuesTests.Message;
import dev.sessionkit.core.SessionKitRepositoryTests.RecordingStore;
import dev.sessionkit.core.codec.AttributeCodec;
import dev.sessionkit.core.spi.AttributeValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that keeps what it saves (the Redis store's near cache) gets a list that keeps
 * most of its elements from save to save, a chat, encoded from its new elements only, and
 * yet exactly as the codec encodes the whole list: what Redis holds is the same JSON
 * either way.
 */
class FlatListJsonTests {

	private static final AttributeCodec JSON = AttributeCodec.json(List.of(FlatListJsonTests.class.getPackageName()),
			FlatListJsonTests.class.getClassLoader());

	private final RecordingCodec codec = new RecordingCodec(JSON);

	private final RecordingStore store = RecordingStore.keepingSavedValues();

	private final SessionKitRepository repository = new SessionKitRepository(this.store, this.codec);

	@Test
	void aChatThatGainsAMessageEncodesThatMessageAloneAndTheSameJsonAsAWholeEncoding() {
		String id = TestSessions.saved(this.repository, "chat", chat(0, 20));
		for (int turn = 20; turn < 30; turn++) {
			int next = turn;
			this.codec.encoded.clear();
			AttributeValue sent = saveChanged(id, (chat) -> {
				chat.remove(0);
				chat.add(message(next));
				return chat;
			});
			assertThat(sent.encoded()).isEqualTo(JSON.encode("chat", chat(turn - 19, 20)));
			if (turn > 20) {
				// past the save that learnt where the elements are
				assertThat(this.codec.encoded).containsExactly(message(turn));
			}
		}
		assertThat(JSON.decode("chat", this.store.last().setAttributes().get("chat").encoded()))
			.isEqualTo(chat(10, 20));
	}

	@Test
	void elementsChangedRemovedOrMovedAnywhereInTheListAreEncodedAsTheyAreNow() {
		String id = TestSessions.saved(this.repository, "chat", chat(0, 8));
		saveChanged(id, UnaryOperator.identity());
		saveChanged(id, UnaryOperator.identity());
		List<UnaryOperator<ArrayList<Object>>> changes = List.of((chat) -> {
			chat.set(3, message(100));
			return chat;
		}, (chat) -> {
			chat.remove(5);
			return chat;
		}, (chat) -> {
			chat.add(2, message(101));
			return chat;
		}, (chat) -> {
			java.util.Collections.reverse(chat);
			return chat;
		}, (chat) -> {
			chat.add(chat.get(0));
			chat.set(1, null);
			return chat;
		}, (chat) -> {
			chat.clear();
			return chat;
		}, (chat) -> {
			chat.add(message(102));
			return chat;
		});
		for (UnaryOperator<ArrayList<Object>> change : changes) {
			ArrayList<Object> expected = change.apply(new ArrayList<>(TestSessions.read(this.repository, id, "chat")));
			AttributeValue sent = saveChanged(id, change);
			assertThat(sent.encoded()).isEqualTo(JSON.encode("chat", expected));
			assertThat(JSON.decode("chat", sent.encoded())).isEqualTo(expected);
		}
	}

	@Test
	void listsOfLeavesOfEveryKindAreEncodedAsTheCodecEncodesThem() {
		List<Object> values = Arrays.asList("plain", "quote \" backslash \\ newline \n tab \t", "\u2028 é 😀 \u0000", 7,
				7L, 1.5d, 2.5f, true, 'c', Instant.ofEpochSecond(1_767_225_600L, 5), Kind.ANSWER,
				new java.math.BigDecimal("12.50"), null, message(1));
		String id = TestSessions.saved(this.repository, "values", new ArrayList<>(values));
		for (int i = 0; i < 4; i++) {
			String added = "more " + i;
			this.codec.encoded.clear();
			AttributeValue sent = saveChanged(id, "values", (list) -> {
				list.add(added);
				return list;
			});
			List<Object> expected = new ArrayList<>(values);
			for (int j = 0; j <= i; j++) {
				expected.add("more " + j);
			}
			assertThat(sent.encoded()).isEqualTo(JSON.encode("values", expected));
			assertThat(JSON.decode("values", sent.encoded())).isEqualTo(expected);
			if (i > 0) {
				assertThat(this.codec.encoded).containsExactly(added);
			}
		}
	}

	@Test
	void aCodecWhoseListIsNotItsElementsJoinedHasEveryListEncodedWhole() {
		AttributeCodec spaced = new AttributeCodec() {
			@Override
			public String encode(String name, Object value) {
				return JSON.encode(name, value).replace(",{", ", {");
			}

			@Override
			public Object decode(String name, String encoded) {
				return JSON.decode(name, encoded);
			}
		};
		RecordingCodec recording = new RecordingCodec(spaced);
		SessionKitRepository repository = new SessionKitRepository(this.store, recording);
		String id = TestSessions.saved(repository, "chat", chat(0, 5));
		for (int turn = 5; turn < 9; turn++) {
			int next = turn;
			KitSession session = repository.findById(id);
			ArrayList<Object> chat = new ArrayList<>(session.<List<Object>>getAttribute("chat"));
			chat.add(message(next));
			session.setAttribute("chat", chat);
			repository.save(session);
			assertThat(this.store.last().setAttributes().get("chat").encoded())
				.isEqualTo(spaced.encode("chat", chat(0, turn + 1)));
		}
	}

	private AttributeValue saveChanged(String id, UnaryOperator<ArrayList<Object>> change) {
		return saveChanged(id, "chat", change);
	}

	private AttributeValue saveChanged(String id, String name, UnaryOperator<ArrayList<Object>> change) {
		KitSession session = this.repository.findById(id);
		ArrayList<Object> value = change.apply(new ArrayList<>(session.<List<Object>>getAttribute(name)));
		session.setAttribute(name, value);
		this.repository.save(session);
		return this.store.last().setAttributes().get(name);
	}

	/** Messages {@code first} to {@code first + count - 1}. */
	private static List<Object> chat(int first, int count) {
		List<Object> chat = new ArrayList<>();
		for (int i = first; i < first + count; i++) {
			chat.add(message(i));
		}
		return chat;
	}

	private static Message message(int i) {
		return new Message((i % 2 == 0) ? "user" : "assistant", "message " + i + " about the rate",
				Instant.ofEpochSecond(1_767_225_600L + i), (i % 2 == 0) ? Kind.QUESTION : Kind.ANSWER);
	}

	/** A codec that records the values it was asked to encode. */
	private static final class RecordingCodec implements AttributeCodec {

		final List<Object> encoded = new CopyOnWriteArrayList<>();

		private final AttributeCodec delegate;

		RecordingCodec(AttributeCodec delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(String name, Object value) {
			this.encoded.add(value);
			return this.delegate.encode(name, value);
		}

		@Override
		public Object decode(String name, String encoded) {
			return this.delegate.decode(name, encoded);
		}

	}

}
