package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.conformance.Scenarios;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import dev.tandem.testing.RawWebSocket;
import jakarta.websocket.CloseReason.CloseCodes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backpressure through the real WAR on Tomcat: a client that joins and then never reads, so that
 * TCP backs up to the server, while two others edit the same document with 100 KB inserts. The
 * server must close the non-reader with 1013 once what waits for it passes the outbound bound
 * (TANDEM_MAX_OUTBOUND_BYTES, 16 MiB) instead of queueing without end — asserted on the
 * server's own count of closes ({@code /health}) — and the editors' acks must keep coming all
 * along (each within the client's timeout: no timing assertion).
 */
class SlowReaderIT extends Scenarios {

    /** 150 inserts of 100,000 units: ~15 MB on the wire, ~45 MB by the outbox's estimate. */
    private static final int ROUNDS = 150;
    private static final String BLOCK = "x".repeat(100_000);

    @Override
    protected URI base() {
        return baseFromBuild();
    }

    private long closedWith1013() throws Exception {
        Map<?, ?> health = (Map<?, ?>) new HttpApi(base()).get("health").json();
        Object count = ((Map<?, ?>) health.get("closed")).get("1013");
        return count == null ? 0 : ((Number) count).longValue();
    }

    @Test
    void aClientThatNeverReadsIsClosedWith1013WhileTheOthersKeepTheirAcks() throws Exception {
        String doc = doc();
        long before = closedWith1013();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc));
             ProtocolClient bob = ProtocolClient.connect(ws(doc));
             RawWebSocket stuck = RawWebSocket.open(ws(doc), 4096)) {
            stuck.sendText("{\"type\":\"hello\",\"src\":\"" + src() + "\",\"rev\":null}");
            ana.hello(src(), "Ana", null);
            long rev = ProtocolClient.number(ana.next("welcome"), "rev");
            bob.hello(src(), "Bob", null);
            bob.next("welcome");

            long seq = 0;
            for (int round = 0; round < ROUNDS; round++) {
                ProtocolClient author = round % 2 == 0 ? ana : bob;
                author.op(rev, ++seq, List.of(BLOCK));
                rev = ProtocolClient.number(author.await("ack"), "rev") + 1;
                author.op(rev, ++seq, List.of(-BLOCK.length()));
                rev = ProtocolClient.number(author.await("ack"), "rev") + 1;
            }

            // the server's own account: it closed one more connection with 1013
            assertThat(closedWith1013()).as("connections closed with 1013 by the server").isEqualTo(before + 1);
            // what the client sees: a close frame cannot pass a frame the server is stuck writing,
            // so the container may end the connection without one (-1); nothing else is right
            assertThat(stuck.readUntilClose()).as("how the connection that did not read ended")
                    .isIn(CloseCodes.TRY_AGAIN_LATER.getCode(), -1);
            assertThat(ana.isOpen()).isTrue();
            assertThat(bob.isOpen()).isTrue();
            Map<?, ?> state = (Map<?, ?>) new HttpApi(base()).get("api/docs/" + doc).json();
            assertThat(state.get("text")).isEqualTo("");
            assertThat(((Number) state.get("rev")).longValue()).isEqualTo(2L * ROUNDS);
        }
    }
}
