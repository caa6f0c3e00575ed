package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.conformance.Scenarios;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import dev.tandem.testing.RawWebSocket;
import jakarta.websocket.CloseReason.CloseCodes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * Backpressure through the real WAR on Tomcat and GlassFish, as issue 6 asks for it: a client that joins and
 * then never reads, so that TCP backs up to the server, while two others edit the same document
 * with 100 KB inserts (each deleted again). Measured, not just observed:
 * <ul>
 * <li>the server closes the non-reader with 1013 (its own count of closes, {@code /health})
 * within {@link #MAX_STUCK_ROUNDS} rounds, instead of queueing without end;</li>
 * <li>the server's heap stays flat: while the non-reader is fed, the server's live heap grows by
 * no more than the same editing makes it grow without one, plus twice {@code
 * TANDEM_MAX_OUTBOUND_BYTES} (the default, 16 MiB, in both containers): what may wait for the
 * connection, and the frame the container is writing to it, which holds at most as much;</li>
 * <li>the others' latency does not move: the median and p95 of their op→ack times while the
 * non-reader is connected stay within 3× (plus a few ms) of the same figures without it.</li>
 * </ul>
 *
 * <p>Why "as much as the same editing without one": the server keeps recent operations, and
 * their encoded frames, by count — 2,000 per loaded document ({@code RecentLog}) and 4,096 frames
 * in the JVM ({@code OpFrames}) — so each 100 KB insert leaves ~200 KB live for a while whoever
 * reads. The warm-up-to-baseline phase measures that share per byte inserted; the phase with the
 * non-reader may add twice the bound on top, no more. (A queue that keeps only shared frames adds
 * little within those windows: an outbox without its bound fails the close assertion; one that
 * also kept its own copy of each frame fails this one.)
 *
 * <p>Why the heap is read so: "used heap" sampled from {@code /metrics} is mostly garbage that
 * the next young collection frees and, in G1, old-generation garbage that only a later mixed
 * collection frees — tens of MB of noise either way on a 512 MB heap. So the test asks the server
 * JVM itself, over JMX ({@code it.jmxUrl}: the build opens it on loopback for the Cargo Tomcat
 * only; on GlassFish it is the domain's own connector, with its administrator), for a full
 * collection and reads the heap used right after it: the live set.
 * It takes the smallest of three such readings, since the container's threads allocate between a
 * collection and the reading. The collections happen between the measured phases, never during
 * them; no phase waits for time to pass, each waits for acks or the server's count of closes.
 *
 * <p>GlassFish closes the non-reader later than Tomcat (~160 rounds against ~85; presumably
 * Grizzly takes frames into its own write queue before a send stays pending) and keeps more
 * meanwhile (10–15 MB over the editing's share against ~1 MB); both within the allowance.
 */
class SlowReaderIT extends Scenarios {

    private static final String BLOCK = "x".repeat(100_000);
    /** Unmeasured rounds first: the JIT, H2's page cache and the document's log settle. */
    private static final int WARM_UP_ROUNDS = 30;
    /** A round is one author's insert of {@link #BLOCK} and its deletion: two measured ops. */
    private static final int BASELINE_ROUNDS = 50;
    /** 60 MB of inserts: far beyond what the bound lets wait (~5 MB of JSON) plus the container's and TCP's buffers. */
    private static final int MAX_STUCK_ROUNDS = 600;
    /** TANDEM_MAX_OUTBOUND_BYTES as the build's containers run it: the default (README). */
    private static final long MAX_OUTBOUND_BYTES = 16L * 1024 * 1024;

    @Override
    protected URI base() {
        return baseFromBuild();
    }

    private long closedWith1013() throws Exception {
        Map<?, ?> health = (Map<?, ?>) new HttpApi(base()).get("health").json();
        Object count = ((Map<?, ?>) health.get("closed")).get("1013");
        return count == null ? 0 : ((Number) count).longValue();
    }

    /** The two editors, alternating, and the document's next revision. */
    private static final class Editing {
        private final ProtocolClient ana;
        private final ProtocolClient bob;
        private long rev;
        private long seq;
        private int round;

        Editing(ProtocolClient ana, ProtocolClient bob, long rev) {
            this.ana = ana;
            this.bob = bob;
            this.rev = rev;
        }

        /** One round: an insert of {@link #BLOCK} and its deletion by the same author; adds both op→ack times. */
        void round(List<Long> latencies) throws Exception {
            ProtocolClient author = round++ % 2 == 0 ? ana : bob;
            latencies.add(opAndAck(author, List.of(BLOCK)));
            latencies.add(opAndAck(author, List.of(-BLOCK.length())));
        }

        private long opAndAck(ProtocolClient author, List<Object> op) throws Exception {
            long start = System.nanoTime();
            author.op(rev, ++seq, op);
            rev = ProtocolClient.number(author.await("ack"), "rev") + 1;
            return System.nanoTime() - start;
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedWith1013WithoutGrowingTheHeapOrSlowingTheOthers() throws Exception {
        String doc = doc();
        long closedBefore = closedWith1013();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc));
             ProtocolClient bob = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            long rev = ProtocolClient.number(ana.next("welcome"), "rev");
            bob.hello(src(), "Bob", null);
            bob.next("welcome");
            Editing editing = new Editing(ana, bob, rev);

            List<Long> ignored = new ArrayList<>();
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                editing.round(ignored);
            }
            long heapWarm = liveHeap();
            List<Long> without = new ArrayList<>();
            for (int i = 0; i < BASELINE_ROUNDS; i++) {
                editing.round(without);
            }
            long heapBefore = liveHeap();

            List<Long> with = new ArrayList<>();
            int stuckRounds = 0;
            try (RawWebSocket stuck = RawWebSocket.open(ws(doc), 4096)) {
                stuck.sendText("{\"type\":\"hello\",\"src\":\"" + src() + "\",\"rev\":null}");
                // edit until the server has closed the non-reader (its own count), or the cap
                while (closedWith1013() == closedBefore && stuckRounds < MAX_STUCK_ROUNDS) {
                    editing.round(with);
                    stuckRounds++;
                }
                long heapAfter = liveHeap();
                long fed = stuckRounds * (long) BLOCK.length();

                // what the same editing keeps without a non-reader (see the class comment), plus
                // what may wait for the non-reader and the frame being written to it
                double keptPerByte = Math.max(0, heapBefore - heapWarm) / (double) (BASELINE_ROUNDS * (long) BLOCK.length());
                long allowed = (long) (keptPerByte * fed) + 2 * MAX_OUTBOUND_BYTES;
                report(without, with, stuckRounds, heapWarm, heapBefore, heapAfter, allowed);

                assertThat(heapAfter - heapBefore)
                        .as("growth of the server's live heap while a non-reader was fed %,d bytes of inserts "
                                + "(editing alone kept %.2f bytes per byte inserted)", fed, keptPerByte)
                        .isLessThanOrEqualTo(allowed);
                assertThat(closedWith1013()).as("connections closed with 1013 by the server after %d rounds", stuckRounds)
                        .isEqualTo(closedBefore + 1);
                // what the client sees: a close frame cannot pass a frame the server is stuck
                // writing, so the container may end the connection without one (-1)
                assertThat(stuck.readUntilClose()).as("how the connection that did not read ended")
                        .isIn(CloseCodes.TRY_AGAIN_LATER.getCode(), -1);
            }
            assertThat(percentile(with, 50)).as("median op→ack (ns) with the non-reader; without it: %,d", percentile(without, 50))
                    .isLessThanOrEqualTo(3 * percentile(without, 50) + 5_000_000L);
            assertThat(percentile(with, 95)).as("p95 op→ack (ns) with the non-reader; without it: %,d", percentile(without, 95))
                    .isLessThanOrEqualTo(3 * percentile(without, 95) + 25_000_000L);

            assertThat(ana.isOpen()).isTrue();
            assertThat(bob.isOpen()).isTrue();
            Map<?, ?> state = (Map<?, ?>) new HttpApi(base()).get("api/docs/" + doc).json();
            assertThat(state.get("text")).isEqualTo("");
            long rounds = WARM_UP_ROUNDS + BASELINE_ROUNDS + stuckRounds;
            assertThat(((Number) state.get("rev")).longValue()).isEqualTo(2L * rounds);
        }
    }

    /** The figures, for the record (Failsafe keeps them in the test's output file). */
    private static void report(List<Long> without, List<Long> with, int stuckRounds,
                               long heapWarm, long heapBefore, long heapAfter, long allowed) {
        System.out.printf("SlowReaderIT: op→ack without the non-reader: median %.2f ms, p95 %.2f ms (%d ops); "
                        + "with it: median %.2f ms, p95 %.2f ms (%d ops, %d rounds until closed); "
                        + "live heap after warm-up %,d, before %,d (%+,d), after %,d (%+,d, allowed %+,d bytes)%n",
                percentile(without, 50) / 1e6, percentile(without, 95) / 1e6, without.size(),
                percentile(with, 50) / 1e6, percentile(with, 95) / 1e6, with.size(), stuckRounds,
                heapWarm, heapBefore, heapBefore - heapWarm, heapAfter, heapAfter - heapBefore, allowed);
    }

    /** The nearest-rank percentile of {@code values}. */
    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * The server's live heap: the smallest heap use read right after each of three full
     * collections that the server's JVM runs on request (see the class comment).
     */
    private static long liveHeap() throws Exception {
        String url = System.getProperty("it.jmxUrl");
        if (url == null) {
            throw new IllegalStateException("it.jmxUrl is not set: run through `mvn verify`");
        }
        String user = System.getProperty("it.jmxUser");
        Map<String, ?> credentials = user == null ? Map.of()
                : Map.of(JMXConnector.CREDENTIALS, new String[] {user, System.getProperty("it.jmxPassword", "")});
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url), credentials)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            long least = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                memory.gc();
                least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
            }
            return least;
        }
    }
}
