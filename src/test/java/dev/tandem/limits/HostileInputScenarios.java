package dev.tandem.limits;

import dev.tandem.conformance.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import dev.tandem.testing.RawWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile input thrown at the real WAR: deep nesting, huge numbers, lone surrogates, wrong
 * types, control characters and HTML in names, invalid ids, bytes that are not UTF-8, frames
 * that promise more than the limit, floods. Each gets PROTOCOL.md's answer, and afterwards the
 * document is intact: its text equals the replay of its log from revision 0.
 */
abstract class HostileInputScenarios extends Scenarios {

    /**
     * Whether the build runs these against GlassFish ({@code it.container}), whose container
     * answers two cases in its own way (documented where they are asserted); Tomcat's
     * expectations stay as they are.
     */
    private static boolean onGlassFish() {
        return "glassfish".equals(System.getProperty("it.container"));
    }

    private HttpApi http() {
        return new HttpApi(base());
    }

    /** A document holding "hello" at revision 1, and a client joined to it. */
    private ProtocolClient documentWithHello(String doc) throws Exception {
        ProtocolClient client = ProtocolClient.connect(ws(doc));
        client.hello(src(), "Ana", null);
        client.next("welcome");
        client.op(0, 1, List.of("hello"));
        client.next("ack");
        return client;
    }

    /** The document's text is the replay of its whole log, and is {@code expected}. */
    private void assertIntact(String doc, String expected) throws Exception {
        Map<?, ?> state = (Map<?, ?>) http().get("api/docs/" + doc).json();
        String replayed = "";
        for (Object entry : (List<?>) http().get("api/docs/" + doc + "/ops").json()) {
            WireResult op = TextOperation.fromWire((List<?>) ((Map<?, ?>) entry).get("op"));
            replayed = ((WireResult.Valid) op).operation().apply(replayed);
        }
        assertThat(state.get("text")).isEqualTo(expected).isEqualTo(replayed);
    }

    private static void assertError(Map<String, Object> message, String code) {
        assertThat(message).containsEntry("type", "error").containsEntry("code", code);
    }

    @Test
    void deepNestingHugeNumbersAndWrongTypesAreAnsweredAndChangeNothing() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = documentWithHello(doc)) {
            String deep = "[".repeat(100_000) + "]".repeat(100_000);
            ana.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":2,\"op\":" + deep + "}");
            assertThat((String) ana.next().get("code")).isIn("bad-message", "invalid-op");
            ana.sendRaw("{\"type\":\"op\",\"rev\":1e999999999,\"seq\":3,\"op\":[5]}");
            assertError(ana.next(), "bad-message");
            ana.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":123456789012345678901234567890,\"op\":[5]}");
            assertError(ana.next(), "bad-message");
            ana.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":4,\"op\":[1e400]}");
            assertError(ana.next(), "invalid-op");
            ana.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":5,\"op\":[5,{\"insert\":\"x\"}]}");
            assertError(ana.next(), "invalid-op");
            for (String wrong : List.of("null", "[]", "\"op\"", "{\"type\":5}", "{\"type\":null}", "{}")) {
                ana.sendRaw(wrong);
                assertError(ana.next(), "bad-message");
            }
            ana.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":6,\"op\":[5,\"\\udc00\"]}"); // a lone low surrogate
            assertError(ana.next(), "invalid-op");
            assertThat(ana.drain()).isEmpty();
            assertThat(ana.isOpen()).isTrue();
        }
        assertIntact(doc, "hello");
    }

    @Test
    void namesLoseControlCharactersAndKeepHtmlAsText() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.sendRaw("{\"type\":\"hello\",\"src\":\"" + src() + "\",\"name\":\"<img src=x onerror=alert(1)>\\u0000\\u001b[31m\\ud800\",\"rev\":null}");
            ana.next("welcome");
            ana.op(0, 1, List.of("x"));
            ana.next("ack");
        }
        List<?> ops = (List<?>) http().get("api/docs/" + doc + "/ops").json();
        // stored and served as plain text; the editor sets it as text, never as HTML
        assertThat(((Map<?, ?>) ops.get(0)).get("name")).isEqualTo("<img src=x onerror=alert(1)>[31m");
        assertIntact(doc, "x");
    }

    @Test
    void invalidIdsAreRefusedEverywhere() throws Exception {
        for (String id : List.of("..%2Fx", "x".repeat(300), "%00", "a%20b")) {
            // Tyrus's client writes the path decoded, so "a%20b" puts a space in the request line:
            // Tomcat answers that with 400, GlassFish (Grizzly) with 505, reading "b HTTP/1.1" as the version
            List<Integer> refusals = onGlassFish() && id.equals("a%20b") ? List.of(400, 404, 505) : List.of(400, 404);
            assertThat(ProtocolClient.handshakeStatus(URI_WS(id), null)).as(id).isIn(refusals);
            assertThat(http().get("api/docs/" + id).status()).as(id).isIn(400, 404);
        }
        assertThat(http().get("api/docs/../../etc/passwd").status()).isIn(400, 404);
        assertThat(http().get("d/..%2F..%2Fetc%2Fpasswd").status()).isIn(400, 404);
    }

    private java.net.URI URI_WS(String rawId) {
        return java.net.URI.create(ws("placeholder").toString().replace("placeholder", rawId));
    }

    @Test
    void bytesThatAreNotUtf8EndTheConnectionAndChangeNothing() throws Exception {
        String doc = doc();
        documentWithHello(doc).close();
        try (RawWebSocket raw = RawWebSocket.open(ws(doc), 65536)) {
            raw.sendText("{\"type\":\"hello\",\"src\":\"" + src() + "\",\"rev\":null}");
            byte[] invalid = "{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[5,\"\u00e9\"]}".getBytes(StandardCharsets.UTF_8);
            invalid[invalid.length - 5] = (byte) 0xC3; // the é's first byte, then one that cannot follow it
            invalid[invalid.length - 4] = (byte) 0x28;
            raw.sendFrame(0x1, invalid);
            // RFC 6455 §8.1: the container fails the connection, 1007 (or drops it)
            assertThat(raw.readUntilClose()).isIn(1007, 1002, -1);
        }
        assertIntact(doc, "hello");
    }

    @Test
    void aFrameThatPromisesMoreThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String doc = doc();
        documentWithHello(doc).close();
        // Tomcat refuses the frame by its announced length (or once the 1 MiB limit is read).
        // GlassFish's Tyrus does not: it buffers what arrives up to its incoming buffer, which the
        // WAR's web.xml sets to 2 MiB (4 MiB by default), and fails the connection past it with
        // 1011 ("Buffer overflow."). Without that setting this frame would sit there until
        // Tandem's idle timeout closed it (1000, 120 s). So GlassFish is sent 3 MiB of it.
        int chunks = onGlassFish() ? 48 : 32;
        try (RawWebSocket raw = RawWebSocket.open(ws(doc), 65536)) {
            // a masked text frame announcing 2^40 bytes, then 2 MiB of it (3 MiB on GlassFish): past the 1 MiB limit
            raw.sendBytes(new byte[] {(byte) 0x81, (byte) (0x80 | 127), 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4});
            try {
                for (int i = 0; i < chunks; i++) {
                    raw.sendBytes(new byte[64 * 1024]);
                }
            } catch (java.io.IOException closedMeanwhile) {
                // the server may close before all of it is written: that is the point
            }
            assertThat(raw.readUntilClose()).isIn(onGlassFish() ? List.of(1011, -1) : List.of(1009, -1));
        }
        assertIntact(doc, "hello");
    }

    @Test
    void aFloodOfOperationsIsSlowedDownAndEachIsAnswered() throws Exception {
        String doc = doc();
        int flood = 500;
        int acked;
        try (ProtocolClient ana = documentWithHello(doc)) {
            // all sent at once, each against revision 1, faster than the rate limit lets them in
            for (int seq = 2; seq < 2 + flood; seq++) {
                ana.op(1, seq, List.of(5, "!"));
            }
            // each is acked or refused (sent while another was outstanding), in any order; one
            // that arrives after an ack is transformed and applied, as PROTOCOL.md says
            java.util.Set<Long> revisions = new java.util.HashSet<>();
            int refused = 0;
            for (int i = 0; i < flood; i++) {
                Map<String, Object> answer = ana.next();
                if ("ack".equals(answer.get("type"))) {
                    assertThat(revisions.add(ProtocolClient.number(answer, "rev"))).as("a revision acked once").isTrue();
                } else {
                    assertError(answer, "not-in-order");
                    refused++;
                }
            }
            assertThat(revisions).isNotEmpty();
            assertThat(refused + revisions.size()).isEqualTo(flood);
            assertThat(ana.isOpen()).isTrue();
            acked = revisions.size();
        }
        assertIntact(doc, "hello" + "!".repeat(acked));
    }
}
