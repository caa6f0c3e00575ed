package dev.tandem.conformance;

import static dev.tandem.testing.ProtocolClient.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.ProtocolClient;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md's "Errors" table, one row at a time, with what happens to the connection. */
public abstract class ErrorScenarios extends Scenarios {

    private static void assertError(Map<String, Object> error, String code) {
        assertThat(error).containsEntry("type", "error").containsEntry("code", code);
        assertThat((String) error.get("message")).isNotBlank();
    }

    private ProtocolClient joined(String doc) throws Exception {
        ProtocolClient client = ProtocolClient.connect(ws(doc));
        client.hello(src(), null, null);
        client.next("welcome");
        return client;
    }

    @Test
    void badMessagesAreAnsweredAndTheConnectionStaysOpen() throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            ana.op(0, 1, List.of("too early"));
            assertError(ana.next(), "bad-message");
            ana.select(0, 0, 0);
            assertError(ana.next(), "bad-message");
            ana.hello(src(), null, null);
            ana.next("welcome");
            ana.sendRaw("not json");
            assertError(ana.next(), "bad-message");
            ana.sendRaw("{\"type\":\"shout\"}");
            assertError(ana.next(), "bad-message");
            ana.sendRaw("{\"type\":\"op\",\"rev\":\"0\",\"seq\":1,\"op\":[]}");
            assertError(ana.next(), "bad-message");
            ana.sendRaw("{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":\"abc\"}");
            assertError(ana.next(), "bad-message");
            ana.sendBinary(new byte[] {1, 2, 3});
            assertError(ana.next(), "bad-message");
            ana.hello(src(), null, null);
            assertError(ana.next(), "bad-message");
            assertThat(ana.drain()).isEmpty();
            assertThat(ana.isOpen()).isTrue();
        }
    }

    @Test
    void tenBadMessagesInARowCloseTheConnectionWith1008() throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            for (int i = 0; i < 9; i++) {
                ana.sendRaw("garbage " + i);
                assertError(ana.next(), "bad-message");
            }
            ana.ping(); // a good message starts the count again
            ana.next("pong");
            for (int i = 0; i < 10; i++) {
                ana.sendRaw("garbage " + i);
            }
            for (int i = 0; i < 10; i++) {
                assertError(ana.next(), "bad-message");
            }
            assertThat(ana.awaitClose().getCloseCode().getCode()).isEqualTo(CloseCodes.VIOLATED_POLICY.getCode());
        }
    }

    @Test
    void invalidOperationIsRefusedWithItsSeqAndNothingIsApplied() throws Exception {
        try (ProtocolClient ana = joined(doc())) {
            ana.op(0, 1, List.of(5));
            Map<String, Object> error = ana.next();
            assertError(error, "invalid-op");
            assertThat(number(error, "seq")).isEqualTo(1);
            ana.sendRaw("{\"type\":\"op\",\"rev\":0,\"seq\":2,\"op\":[\"\\ud83d\"]}"); // a lone surrogate, as a JSON escape
            assertError(ana.next(), "invalid-op");
            ana.op(0, 3, List.of("ok", 0, ""));
            Map<String, Object> ack = ana.next("ack");
            assertThat(number(ack, "rev")).isZero();
            ana.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":4,\"op\":[1,\"\\ude00\",1]}");
            assertError(ana.next(), "invalid-op");
        }
    }

    @Test
    void operationAboveTheHeadIsAnUnknownRev() throws Exception {
        try (ProtocolClient ana = joined(doc())) {
            ana.op(3, 1, List.of("x"));
            Map<String, Object> error = ana.next();
            assertError(error, "unknown-rev");
            assertThat(number(error, "seq")).isEqualTo(1);
            ana.op(-1, 2, List.of("x"));
            assertError(ana.next(), "unknown-rev");
        }
    }

    @Test
    void aSeqThatIsNeitherNewNorAResendIsNotInOrder() throws Exception {
        try (ProtocolClient ana = joined(doc())) {
            ana.op(0, 5, List.of("a"));
            ana.next("ack");
            ana.op(1, 3, List.of(1, "b"));
            Map<String, Object> error = ana.next();
            assertError(error, "not-in-order");
            assertThat(number(error, "seq")).isEqualTo(3);
            ana.op(1, 6, List.of(1, "b"));
            assertThat(number(ana.next("ack"), "rev")).isEqualTo(1);
        }
    }

    @Test
    void aReadOnlyLinkCannotEdit() throws Exception {
        String doc = doc();
        String token = ReadOnlyLinkScenarios.viewToken(base(), doc);
        try (ProtocolClient viewer = ProtocolClient.connect(ReadOnlyLinkScenarios.viewSocket(base(), token))) {
            viewer.hello(src(), null, null);
            assertThat(viewer.next("welcome")).containsEntry("mode", "view");
            viewer.op(0, 1, List.of("x"));
            Map<String, Object> error = viewer.next();
            assertError(error, "forbidden");
            assertThat(number(error, "seq")).isEqualTo(1);
        }
    }

    @Test
    void aMessageOverTheLimitClosesTheConnectionWith1009() throws Exception {
        try (ProtocolClient ana = joined(doc())) {
            String huge = "x".repeat(1024 * 1024);
            ana.sendRaw("{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":[\"" + huge + "\"]}");
            assertThat(ana.awaitClose().getCloseCode().getCode()).isEqualTo(CloseCodes.TOO_BIG.getCode());
        }
    }

    @Test
    void aVersion1ClientThatIgnoresMaxMessageBytesStillGets1009() throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            ana.hello(src(), null, null);
            Map<String, Object> welcome = ana.next("welcome");
            // the limit is told (the deployment's default, 1 MiB), and this client pays it no heed
            assertThat(number(welcome, "maxMessageBytes")).isEqualTo(1024 * 1024);
            String over = "x".repeat(1024 * 1024 + 1);
            ana.sendRaw("{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":[\"" + over + "\"]}");
            assertThat(ana.awaitClose().getCloseCode().getCode()).isEqualTo(CloseCodes.TOO_BIG.getCode());
        }
    }

    @Test
    void anOperationThatWouldMakeTheDocumentTooLargeIsRefusedAndTheConnectionStaysOpen() throws Exception {
        // the deployment's limit: the build gives the WARs (and this JVM's embedded one) the same
        long limit = Long.getLong("TANDEM_MAX_DOCUMENT_BYTES", 64L << 20);
        int chunk = 512 * 1024;
        try (ProtocolClient ana = joined(doc())) {
            long rev = 0;
            long length = 0;
            while (length + chunk < limit) {
                ana.op(rev, rev + 1, length == 0 ? List.of("f".repeat(chunk)) : List.of(length, "f".repeat(chunk)));
                rev = number(ana.next("ack"), "rev") + 1;
                length += chunk;
            }
            ana.op(rev, rev + 1, List.of(length, "é".repeat((int) (limit - length) / 2 + 1)));
            Map<String, Object> error = ana.next();
            assertError(error, "too-large");
            assertThat(number(error, "seq")).isEqualTo(rev + 1);
            assertThat((String) error.get("message")).contains(Long.toString(limit));
            ana.op(rev, rev + 2, List.of(length, "é".repeat((int) (limit - length) / 2)));
            assertThat(number(ana.next("ack"), "rev")).isEqualTo(rev);
            assertThat(ana.isOpen()).isTrue();
        }
    }

    @Test
    void aMessageOfManyPartsUnderTheLimitIsAppliedWhole() throws Exception {
        // far over the endpoint's part buffer (8 KiB), under the 1 MiB maximum
        String large = "é".repeat(200_000);
        try (ProtocolClient ana = joined(doc())) {
            ana.op(0, 1, List.of(large));
            assertThat(number(ana.next("ack"), "rev")).isEqualTo(0);
            ana.op(1, 2, List.of(large.length(), "!"));
            assertThat(number(ana.next("ack"), "rev")).isEqualTo(1);
        }
    }

    @Test
    void aClientOverTheRateIsSlowedDownAndLosesNothing() throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            int messages = 600; // the default allows a burst of 200, then 200 a second
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                ana.ping();
            }
            for (int i = 0; i < messages; i++) {
                ana.next("pong");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).as("600 messages at 200 a second after a burst of 200").isGreaterThan(1.5);
            assertThat(ana.isOpen()).isTrue();
        }
    }

    @Test
    void anInvalidDocumentIdIsRefusedWith404() throws Exception {
        assertThat(ProtocolClient.handshakeStatus(ws("-starts-with-a-dash"), null)).isEqualTo(404);
        assertThat(ProtocolClient.handshakeStatus(ws("x".repeat(129)), null)).isEqualTo(404);
    }

    @Test
    void aForeignOriginIsRefusedWith403AndTheOwnOrNoneAccepted() throws Exception {
        String doc = doc();
        assertThat(ProtocolClient.handshakeStatus(ws(doc), "http://evil.example")).isEqualTo(403);
        assertThat(ProtocolClient.handshakeStatus(ws(doc), ownOrigin())).isEqualTo(101);
        assertThat(ProtocolClient.handshakeStatus(ws(doc), null)).isEqualTo(101);
    }
}
