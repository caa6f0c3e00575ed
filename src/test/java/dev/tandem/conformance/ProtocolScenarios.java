package dev.tandem.conformance;

import static dev.tandem.testing.ProtocolClient.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md's WebSocket: opening, editing, order, resume, presence, keeping alive. */
public abstract class ProtocolScenarios extends Scenarios {

    private HttpApi http() {
        return new HttpApi(base());
    }

    @Test
    void firstConnectionIsWelcomedWithTheTextAtTheHead() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            Map<String, Object> welcome = ana.next("welcome");
            assertThat(welcome).containsEntry("doc", doc).containsEntry("mode", "edit").containsEntry("text", "")
                    .containsEntry("users", List.of());
            assertThat(number(welcome, "rev")).isZero();
            assertThat(number(welcome, "head")).isZero();
            assertThat((String) welcome.get("client")).isNotBlank();
        }
    }

    @Test
    void operationIsAcknowledgedToItsAuthorAndSentToTheOthers() throws Exception {
        String doc = doc();
        String src = src();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc)); ProtocolClient bo = ProtocolClient.connect(ws(doc))) {
            ana.hello(src, "Ana", null);
            String anaId = (String) ana.next("welcome").get("client");
            bo.hello(src(), "Bo", null);
            bo.next("welcome");
            ana.op(0, 7, List.of("hello"));
            Map<String, Object> ack = ana.await("ack");
            assertThat(number(ack, "seq")).isEqualTo(7);
            assertThat(number(ack, "rev")).isZero();
            Map<String, Object> op = bo.await("op");
            assertThat(number(op, "rev")).isZero();
            assertThat(op).containsEntry("client", anaId).containsEntry("src", src).containsEntry("op", List.of("hello"));
            assertThat(number(op, "seq")).isEqualTo(7);
        }
        assertThat(http().get("api/docs/" + doc).json()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("text", "hello");
    }

    @Test
    void concurrentOperationsAreTransformedSoThatBothClientsConverge() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc)); ProtocolClient bo = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), null, null);
            ana.next("welcome");
            bo.hello(src(), null, null);
            bo.next("welcome");
            ana.await("join");
            // both at revision 0, both insert at 0: the server orders them and transforms the second
            ana.op(0, 1, List.of("A"));
            bo.op(0, 1, List.of("B"));
            // each gets its ack and the other's op, in revision order, whichever the server took first
            List<Map<String, Object>> toAna = List.of(ana.next(), ana.next());
            List<Map<String, Object>> toBo = List.of(bo.next(), bo.next());
            for (List<Map<String, Object>> received : List.of(toAna, toBo)) {
                assertThat(received).extracting(m -> m.get("type")).containsExactlyInAnyOrder("ack", "op");
                assertThat(received).extracting(m -> number(m, "rev")).containsExactly(0L, 1L);
            }
        }
        Object text = ((Map<?, ?>) http().get("api/docs/" + doc).json()).get("text");
        assertThat(text).isIn("AB", "BA");
    }

    @Test
    void reconnectGetsWhatItMissedAsOperationsInsteadOfTheText() throws Exception {
        String doc = doc();
        String anaSrc = src();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(anaSrc, null, null);
            ana.next("welcome");
            ana.op(0, 1, List.of("ab"));
            ana.next("ack");
            ana.op(1, 2, List.of(2, "cd"));
            ana.next("ack");
            ana.op(2, 3, List.of(1, -2, 1));
            ana.next("ack");
        }
        try (ProtocolClient bo = ProtocolClient.connect(ws(doc))) {
            bo.hello(src(), null, 1L);
            Map<String, Object> welcome = bo.next("welcome");
            assertThat(welcome).doesNotContainKey("text");
            assertThat(number(welcome, "rev")).isEqualTo(1);
            assertThat(number(welcome, "head")).isEqualTo(3);
            Map<String, Object> first = bo.next("op");
            Map<String, Object> second = bo.next("op");
            assertThat(number(first, "rev")).isEqualTo(1);
            assertThat(first).containsEntry("src", anaSrc);
            assertThat(ProtocolClient.components(first.get("op"))).isEqualTo(List.of(2, "cd"));
            assertThat(number(second, "rev")).isEqualTo(2);
        }
    }

    @Test
    void unacknowledgedOperationResentAfterADroppedConnectionIsAppliedOnce() throws Exception {
        String doc = doc();
        String src = src();
        try (ProtocolClient first = ProtocolClient.connect(ws(doc))) {
            first.hello(src, null, null);
            first.next("welcome");
            first.op(0, 1, List.of("x"));
        } // dropped before reading the ack
        try (ProtocolClient again = ProtocolClient.connect(ws(doc))) {
            again.hello(src, null, 0L);
            again.next("welcome");
            // the client resends what it has no ack for; the dropped connection's copy may reach the
            // server before or after the resend, or may already be applied (then the catch-up shows it)
            again.op(0, 1, List.of("x"));
            Map<String, Object> message = again.nextExceptComings();
            if ("op".equals(message.get("type"))) {
                // applied from the first connection: our src and seq, which a client takes as its ack
                assertThat(message).containsEntry("src", src);
                assertThat(number(message, "seq")).isEqualTo(1);
                assertThat(number(message, "rev")).isZero();
                message = again.nextExceptComings();
            }
            // the resend is acknowledged at the revision where the operation was applied, once
            assertThat(message).containsEntry("type", "ack");
            assertThat(number(message, "seq")).isEqualTo(1);
            assertThat(number(message, "rev")).isZero();
            assertThat(again.drain()).isEmpty();
        }
        Map<?, ?> state = (Map<?, ?>) http().get("api/docs/" + doc).json();
        assertThat(state.get("text")).isEqualTo("x");
        assertThat(((Number) state.get("rev")).longValue()).isEqualTo(1);
    }

    @Test
    void resentOperationIsAcknowledgedAtItsOriginalRevisionOnAnyConnection() throws Exception {
        String doc = doc();
        String src = src();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src, null, null);
            ana.next("welcome");
            ana.op(0, 1, List.of("one "));
            ana.next("ack");
            ana.op(1, 2, List.of(4, "two"));
            ana.next("ack");
        }
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src, null, null);
            assertThat(number(ana.next("welcome"), "rev")).isEqualTo(2);
            ana.op(2, 1, List.of(7, "one "));
            Map<String, Object> ack = ana.next("ack");
            assertThat(number(ack, "seq")).isEqualTo(1);
            assertThat(number(ack, "rev")).isZero();
        }
        assertThat(((Map<?, ?>) http().get("api/docs/" + doc).json()).get("text")).isEqualTo("one two");
    }

    @Test
    void reconnectFromAboveTheHeadIsAnUnknownRevAndTheClientStartsOver() throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            ana.hello(src(), null, 5L);
            assertThat(ana.next("error")).containsEntry("code", "unknown-rev");
            ana.hello(src(), null, null);
            assertThat(number(ana.next("welcome"), "rev")).isZero();
        }
    }

    @Test
    void presenceJoinsSelectionsAndLeavesReachTheOthers() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            String anaId = (String) ana.next("welcome").get("client");
            String boId;
            try (ProtocolClient bo = ProtocolClient.connect(ws(doc))) {
                bo.hello(src(), "Bo", null);
                Map<String, Object> welcome = bo.next("welcome");
                boId = (String) welcome.get("client");
                assertThat((List<?>) welcome.get("users")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("client", anaId).containsEntry("name", "Ana");
                Map<?, ?> joined = (Map<?, ?>) ana.next("join").get("user");
                assertThat(joined.get("client")).isEqualTo(boId);
                assertThat(joined.get("name")).isEqualTo("Bo");
                assertThat((String) joined.get("color")).startsWith("#");

                bo.select(0, 0, 0);
                Map<String, Object> select = ana.next("select");
                assertThat(select).containsEntry("client", boId);
                assertThat(number(select, "rev")).isZero();
                assertThat((List<?>) select.get("ranges")).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("anchor", java.math.BigDecimal.ZERO).containsEntry("head", java.math.BigDecimal.ZERO);
            }
            assertThat(ana.next("leave")).containsEntry("client", boId);
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            ana.ping(); // allowed before hello
            ana.next("pong");
            ana.hello(src(), null, null);
            ana.next("welcome");
            ana.ping();
            ana.next("pong");
        }
    }
}
