package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import dev.tandem.store.StoredOperation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PROTOCOL.md's messages through {@link ClientMessageDecoder} and the encoders, as the wire shows them. */
class WireFormatTest {

    private final ClientMessageDecoder decoder = new ClientMessageDecoder(Integer.MAX_VALUE);
    private final ServerMessageEncoder encoder = new ServerMessageEncoder();

    @Test
    void helloOnFirstConnectionHasNoRevision() throws Exception {
        assertThat(decoder.decode("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"Ana\",\"rev\":null}"))
                .isEqualTo(new ClientMessage.Hello("k3J9xQ2p", "Ana", null));
        assertThat(decoder.decode("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\"}"))
                .isEqualTo(new ClientMessage.Hello("k3J9xQ2p", null, null));
    }

    @Test
    void helloMayAskForFeaturesAndAWelcomeGrantsThemOnlyWhenAsked() throws Exception {
        ClientMessage.Hello hello = (ClientMessage.Hello) decoder.decode(
                "{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"features\":[\"comments\",\"unknown\"]}");
        assertThat(hello.features()).containsExactly("comments", "unknown");
        assertThat(hello.wantsComments()).isTrue();
        assertThat(((ClientMessage.Hello) decoder.decode("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\"}")).wantsComments()).isFalse();

        ServerMessage.Welcome v1 = new ServerMessage.Welcome("notes", "c1", "edit", 0, 0, "", java.util.List.of());
        assertThat(encoder.encode(v1)).doesNotContain("features");
        assertThat(encoder.encode(v1.withFeatures(java.util.List.of("comments")))).endsWith(",\"features\":[\"comments\"]}");
    }

    @Test
    void helloOnReconnectCarriesTheRevisionAndUnknownFieldsAreIgnored() throws Exception {
        assertThat(decoder.decode("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"rev\":42,\"future\":{\"x\":[1]}}"))
                .isEqualTo(new ClientMessage.Hello("k3J9xQ2p", null, 42L));
    }

    @Test
    void nameIsCutTo64CharactersWithoutSplittingASurrogatePair() {
        String name = "a".repeat(63) + "😀" + "tail";
        ClientMessage.Hello hello = (ClientMessage.Hello) decoder.decode(
                "{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"" + name + "\"}");
        assertThat(hello.name()).isEqualTo("a".repeat(63) + "😀");
    }

    @Test
    void mixedOperationArrayBecomesATextOperation() throws Exception {
        ClientMessage message = decoder.decode("{\"type\":\"op\",\"rev\":42,\"seq\":7,\"op\":[10,\"abc\",-2,30]}");
        assertThat(message).isInstanceOf(ClientMessage.Op.class);
        ClientMessage.Op op = (ClientMessage.Op) message;
        assertThat(op.rev()).isEqualTo(42);
        assertThat(op.seq()).isEqualTo(7);
        TextOperation expected = TextOperation.builder().retain(10).insert("abc").delete(2).retain(30).build();
        assertThat(op.operation()).isEqualTo(new WireResult.Valid(expected));
    }

    @Test
    void operationThatIsAnArrayButNotAnOperationIsInvalidNotMalformed() throws Exception {
        ClientMessage.Op op = (ClientMessage.Op) decoder.decode("{\"type\":\"op\",\"rev\":0,\"seq\":3,\"op\":[1.5,true]}");
        assertThat(op.seq()).isEqualTo(3);
        assertThat(op.operation()).isInstanceOf(WireResult.Invalid.class);
    }

    @Test
    void selectReadsRanges() throws Exception {
        assertThat(decoder.decode("{\"type\":\"select\",\"rev\":45,\"ranges\":[{\"anchor\":13,\"head\":13},{\"anchor\":20,\"head\":25}]}"))
                .isEqualTo(new ClientMessage.Select(45, List.of(new Range(13, 13), new Range(20, 25))));
    }

    @Test
    void pingIsAPing() throws Exception {
        assertThat(decoder.decode("{\"type\":\"ping\"}")).isEqualTo(new ClientMessage.Ping());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not json", "[1,2]", "\"hello\"", "{}", "{\"type\":7}", "{\"type\":\"shout\"}",
            "{\"type\":\"hello\"}", "{\"type\":\"hello\",\"src\":\"short\"}", "{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":5}",
            "{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"rev\":\"3\"}",
            "{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"features\":\"comments\"}", "{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"features\":[1]}",
            "{\"type\":\"op\",\"seq\":1,\"op\":[]}", "{\"type\":\"op\",\"rev\":\"0\",\"seq\":1,\"op\":[]}",
            "{\"type\":\"op\",\"rev\":0,\"seq\":1.5,\"op\":[]}", "{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":\"abc\"}",
            "{\"type\":\"op\",\"rev\":0,\"seq\":1}", "{\"type\":\"op\",\"rev\":1e40,\"seq\":1,\"op\":[]}",
            "{\"type\":\"select\",\"rev\":0,\"ranges\":[5]}", "{\"type\":\"select\",\"rev\":0,\"ranges\":[{\"anchor\":1}]}",
            "{\"type\":\"select\",\"rev\":0}"})
    void whatIsNotAMessageIsMalformedAndNeverThrows(String frame) throws Exception {
        assertThat(decoder.decode(frame)).isInstanceOf(ClientMessage.Malformed.class);
    }

    @Test
    void aMessageOverTheLimitIsTooLargeCountedInUtf8Bytes() throws Exception {
        ClientMessageDecoder limited = new ClientMessageDecoder(1024);
        String op = "{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":[\"%s\"]}";
        assertThat(limited.decode(op.formatted("x".repeat(900)))).isInstanceOf(ClientMessage.Op.class);
        // 400 units, but 1,200 bytes in UTF-8
        assertThat(limited.decode(op.formatted("€".repeat(400)))).isInstanceOf(ClientMessage.TooLarge.class);
    }

    @Test
    void malformedNamesTheField() throws Exception {
        assertThat(decoder.decode("{\"type\":\"op\",\"rev\":\"0\",\"seq\":1,\"op\":[]}"))
                .isEqualTo(new ClientMessage.Malformed("field \"rev\" is not an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ack|{\"type\":\"ack\",\"seq\":7,\"rev\":45}",
            "pong|{\"type\":\"pong\"}",
            "leave|{\"type\":\"leave\",\"client\":\"c9\"}",
            "error|{\"type\":\"error\",\"code\":\"invalid-op\",\"message\":\"retain past end\",\"seq\":8}",
            "error without seq|{\"type\":\"error\",\"code\":\"bad-message\",\"message\":\"not JSON\"}"})
    void serverMessagesAreWrittenAsProtocolMdWritesThem(String name, String json) throws Exception {
        ServerMessage message = switch (name) {
            case "ack" -> new ServerMessage.Ack(7, 45);
            case "pong" -> new ServerMessage.Pong();
            case "leave" -> new ServerMessage.Leave("c9");
            case "error" -> new ServerMessage.Error("invalid-op", "retain past end", 8L);
            default -> new ServerMessage.Error("bad-message", "not JSON", null);
        };
        assertThat(encoder.encode(message)).isEqualTo(json);
    }

    @Test
    void operationOfAnotherClientKeepsIntegersAndStringsMixed() throws Exception {
        ServerMessage.Op op = new ServerMessage.Op(45,
                TextOperation.builder().retain(12).insert("abc").delete(2).retain(28).build().toWire(), "c7", "k3J9xQ2p", 7);
        assertThat(encoder.encode(op))
                .isEqualTo("{\"type\":\"op\",\"rev\":45,\"op\":[12,\"abc\",-2,28],\"client\":\"c7\",\"src\":\"k3J9xQ2p\",\"seq\":7}");
    }

    @Test
    void welcomeOnFirstConnectionCarriesTextAndUsersAndOnReconnectNoText() throws Exception {
        ServerMessage.UserView bo = new ServerMessage.UserView("c3", "Bo", "#2a9d8f", 42, List.of(new ServerMessage.RangeView(5, 5)));
        assertThat(encoder.encode(new ServerMessage.Welcome("notes", "c7", "edit", 42, 42, 1048576, "hi", List.of(bo))))
                .isEqualTo("{\"type\":\"welcome\",\"doc\":\"notes\",\"client\":\"c7\",\"mode\":\"edit\",\"rev\":42,\"head\":42,"
                        + "\"maxMessageBytes\":1048576,\"text\":\"hi\",\"users\":[{\"client\":\"c3\",\"name\":\"Bo\",\"color\":\"#2a9d8f\",\"rev\":42,"
                        + "\"ranges\":[{\"anchor\":5,\"head\":5}]}]}");
        assertThat(encoder.encode(new ServerMessage.Welcome("notes", "c7", "view", 40, 42, null, List.of())))
                .isEqualTo("{\"type\":\"welcome\",\"doc\":\"notes\",\"client\":\"c7\",\"mode\":\"view\",\"rev\":40,\"head\":42,\"users\":[]}");
    }

    @Test
    void selectAndJoinCarryRangesAtARevision() throws Exception {
        assertThat(encoder.encode(new ServerMessage.Select("c7", 46, List.of(new ServerMessage.RangeView(13, 13)))))
                .isEqualTo("{\"type\":\"select\",\"client\":\"c7\",\"rev\":46,\"ranges\":[{\"anchor\":13,\"head\":13}]}");
        assertThat(encoder.encode(new ServerMessage.Join(new ServerMessage.UserView("c9", "Cy", "#e76f51", 46, List.of()))))
                .isEqualTo("{\"type\":\"join\",\"user\":{\"client\":\"c9\",\"name\":\"Cy\",\"color\":\"#e76f51\",\"rev\":46,\"ranges\":[]}}");
    }

    @Test
    void batchIsOneJsonArrayInOrder() throws Exception {
        assertThat(new BatchEncoder().encode(new ServerMessage.Batch(List.of(new ServerMessage.Ack(1, 2), new ServerMessage.Pong()))))
                .isEqualTo("[{\"type\":\"ack\",\"seq\":1,\"rev\":2},{\"type\":\"pong\"}]");
    }

    @Test
    void appliedOperationIsEncodedOnceForEveryReceiverAndBatchesTakeItAsItIs() throws Exception {
        StoredOperation applied = new StoredOperation(45, TextOperation.builder().retain(12).insert("abc").delete(2).retain(28).build(),
                "k3J9xQ2p", 7, "c7", "Ana", Instant.EPOCH);
        ServerMessage.Encoded first = OpFrames.of(applied);
        assertThat(OpFrames.of(applied)).isSameAs(first);
        String expected = "{\"type\":\"op\",\"rev\":45,\"op\":[12,\"abc\",-2,28],\"client\":\"c7\",\"src\":\"k3J9xQ2p\",\"seq\":7}";
        assertThat(encoder.encode(first)).isEqualTo(expected);
        assertThat(new BatchEncoder().encode(new ServerMessage.Batch(List.of(first, new ServerMessage.Ack(8, 46)))))
                .isEqualTo("[" + expected + ",{\"type\":\"ack\",\"seq\":8,\"rev\":46}]");

        // another operation at the same revision (another document) is never given the first one's text
        StoredOperation other = new StoredOperation(45, TextOperation.builder().insert("x").retain(40).build(), "zz9J9xQ2", 1, "c2", "Bo", Instant.EPOCH);
        assertThat(encoder.encode(OpFrames.of(other))).contains("\"op\":[\"x\",40]", "\"client\":\"c2\"");
        assertThat(encoder.encode(OpFrames.of(applied))).isEqualTo(expected);
    }

    @Test
    void operationRoundTripsThroughTheWire() throws Exception {
        TextOperation op = TextOperation.builder().retain(3).insert("😀 é").delete(4).retain(1).build();
        String frame = encoder.encode(new ServerMessage.Op(0, op.toWire(), "c1", "k3J9xQ2p", 1));
        // a client echoing the same components back as its own op
        ClientMessage.Op back = (ClientMessage.Op) decoder.decode(frame.replace("\"client\":\"c1\",", ""));
        assertThat(back.operation()).isEqualTo(new WireResult.Valid(op));
    }
}
