package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbound queue against a sender whose sends complete when the test says so. */
class OutboxTest {

    private final List<Object> sent = new ArrayList<>();
    private final List<SendHandler> inFlight = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    /** Room for five acks behind the frame in flight. */
    private static final long BOUND = 5 * Outbox.estimatedBytes(new ServerMessage.Ack(0, 0));
    private final Outbox outbox = new Outbox((payload, done) -> {
        sent.add(payload);
        inFlight.add(done);
    }, closes::add, BOUND);

    private void completeSend() {
        inFlight.remove(0).onResult(new SendResult());
    }

    @Test
    void oneSendInFlightAndWhatWaitsLeavesAsOneBatchInOrder() {
        outbox.send(new ServerMessage.Ack(1, 0));
        outbox.send(new ServerMessage.Ack(2, 1));
        outbox.send(new ServerMessage.Pong());
        assertThat(sent).containsExactly(new ServerMessage.Ack(1, 0));
        completeSend();
        assertThat(sent).containsExactly(new ServerMessage.Ack(1, 0),
                new ServerMessage.Batch(List.of(new ServerMessage.Ack(2, 1), new ServerMessage.Pong())));
        completeSend();
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void aReaderThatStopsReadingIsClosedWith1013OnceTheBytesWaitingPassTheBoundAndNothingMoreIsQueued() {
        for (int i = 0; i < 6; i++) {
            outbox.send(new ServerMessage.Ack(i, i)); // one in flight, five waiting: at the bound
        }
        assertThat(closes).isEmpty();
        outbox.send(new ServerMessage.Ack(6, 6));
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0).getCloseCode()).isEqualTo(CloseCodes.TRY_AGAIN_LATER);
        completeSend();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aLongCatchUpToAClientThatKeepsReadingPasses() {
        for (int i = 0; i < 400; i++) {
            outbox.send(new ServerMessage.Ack(i, i));
            if (i % 5 == 4) {
                completeSend(); // slow, but frames keep leaving
            }
        }
        assertThat(closes).isEmpty();
    }

    @Test
    void oneMessageLargerThanTheBoundLeavesWhenNothingElseWaits() {
        String large = "x".repeat((int) BOUND);
        outbox.send(new ServerMessage.Welcome("notes", "c1", "edit", 0, 0, large, List.of()));
        assertThat(closes).isEmpty();
        assertThat(sent).hasSize(1);
        outbox.send(new ServerMessage.Welcome("notes", "c1", "edit", 0, 0, large, List.of())); // behind it: too much
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.TRY_AGAIN_LATER);
    }

    @Test
    void closeWaitsUntilWhatIsQueuedHasLeft() {
        outbox.send(new ServerMessage.Ack(1, 0));
        outbox.send(new ServerMessage.Error("bad-message", "tenth", null));
        outbox.closeWhenFlushed(new CloseReason(CloseCodes.VIOLATED_POLICY, "garbage"));
        outbox.send(new ServerMessage.Pong()); // after the close: dropped
        assertThat(closes).isEmpty();
        completeSend();
        assertThat(closes).isEmpty();
        completeSend();
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.VIOLATED_POLICY);
        assertThat(sent).hasSize(2);
    }

    @Test
    void whatIsQueuedBeforeTheFlushRunsLeavesAsOneFrameAndNothingIsWrittenFromTheCaller() {
        List<Runnable> flushes = new ArrayList<>();
        QueuedBytes queued = new QueuedBytes();
        Outbox later = new Outbox((payload, done) -> {
            sent.add(payload);
            inFlight.add(done);
        }, flushes::add, closes::add, BOUND, queued);
        ServerMessage.Encoded op = new ServerMessage.Encoded("op", "{\"type\":\"op\",\"rev\":0,\"op\":[\"é\"]}");
        later.send(op);
        later.send(new ServerMessage.Ack(1, 1));
        later.send(op);
        assertThat(sent).isEmpty(); // the caller (a document's lane) only queued
        assertThat(flushes).hasSize(1);
        assertThat(queued.bytes).isEqualTo(2 * Outbox.estimatedBytes(op) + Outbox.estimatedBytes(new ServerMessage.Ack(1, 1)));

        flushes.remove(0).run();
        assertThat(sent).containsExactly(new ServerMessage.Batch(List.of(op, new ServerMessage.Ack(1, 1), op)));
        assertThat(queued.bytes).isZero();

        later.send(new ServerMessage.Pong()); // behind the frame in flight: waits for its completion
        assertThat(flushes).isEmpty();
        completeSend();
        assertThat(flushes).hasSize(1);
        flushes.remove(0).run();
        assertThat(sent).hasSize(2).last().isEqualTo(new ServerMessage.Pong());
        assertThat(queued.bytes).isZero();
    }

    @Test
    void theQueuedBytesGaugeFallsBackToZeroWhenASlowReaderIsDropped() {
        QueuedBytes queued = new QueuedBytes();
        Outbox counted = new Outbox((payload, done) -> sent.add(payload), Runnable::run, closes::add, BOUND, queued);
        for (int i = 0; i < 6; i++) {
            counted.send(new ServerMessage.Ack(i, i)); // the first leaves, five wait behind it
        }
        assertThat(queued.bytes).isEqualTo(5 * Outbox.estimatedBytes(new ServerMessage.Ack(0, 0)));
        counted.send(new ServerMessage.Ack(6, 6));
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.TRY_AGAIN_LATER);
        assertThat(queued.bytes).isZero();
        assertThat(queued.failures).containsExactly("slow-reader");
    }

    /** The metrics an outbox reports: bytes queued and failures. */
    private static final class QueuedBytes implements TransportMetrics {
        long bytes;
        final List<String> failures = new ArrayList<>();

        @Override
        public void queued(long delta) {
            bytes += delta;
            assertThat(bytes).isNotNegative();
        }

        @Override
        public void failed(String code) {
            failures.add(code);
        }
    }

    @Test
    void aFailedSendStopsTheOutbox() {
        outbox.send(new ServerMessage.Ack(1, 0));
        outbox.send(new ServerMessage.Ack(2, 1));
        inFlight.remove(0).onResult(new SendResult(new IOException("reset by peer")));
        outbox.send(new ServerMessage.Ack(3, 2));
        assertThat(sent).hasSize(1);
        assertThat(outbox.isIdle()).isFalse();
        assertThat(closes).isEmpty(); // a broken connection: the container closes it
    }

    @Test
    void aSendTheContainerTimedOutIsASlowReaderClosedWith1013() {
        outbox.send(new ServerMessage.Ack(1, 0));
        outbox.send(new ServerMessage.Ack(2, 1));
        inFlight.remove(0).onResult(new SendResult(new java.net.SocketTimeoutException()));
        outbox.send(new ServerMessage.Ack(3, 2));
        assertThat(sent).hasSize(1);
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.TRY_AGAIN_LATER);
    }

    // ---- read receipts: a container whose sends complete as soon as the frame is queued (Tyrus) ----

    private final List<ByteBuffer> pings = new ArrayList<>();

    /** Sends complete at once, as on GlassFish; pings are recorded. */
    private Outbox receipting() {
        return new Outbox((payload, done) -> {
            sent.add(payload);
            done.onResult(new SendResult());
        }, pings::add, 0, Runnable::run, closes::add, BOUND, TransportMetrics.NONE);
    }

    private static ByteBuffer pong(ByteBuffer ping) {
        return ping.duplicate(); // a client echoes the ping's payload
    }

    @Test
    void whereSendsCompleteAtOnceAClientThatNeverAnswersPingsIsStillClosedWith1013() {
        Outbox early = receipting();
        int acks = 0;
        while (closes.isEmpty() && acks < 100) {
            early.send(new ServerMessage.Ack(acks, acks));
            acks++;
        }
        // the bound handed over unconfirmed (5 acks), the bound waiting behind it (5 more), then the close
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.TRY_AGAIN_LATER);
        assertThat(acks).isEqualTo(11);
        assertThat(sent).hasSize(5);
        assertThat(pings).isNotEmpty();
    }

    @Test
    void whereSendsCompleteAtOnceAClientThatAnswersPingsIsNeverHeldUp() {
        Outbox early = receipting();
        for (int i = 0; i < 400; i++) {
            early.send(new ServerMessage.Ack(i, i));
            while (!pings.isEmpty()) {
                early.receipt(pong(pings.remove(0)));
            }
        }
        assertThat(closes).isEmpty();
        assertThat(sent).hasSize(400);
        assertThat(early.isIdle()).isTrue();
    }

    @Test
    void aReceiptReleasesWhatWaitsAndAMadeUpOneDoesNot() {
        Outbox early = receipting();
        for (int i = 0; i < 8; i++) {
            early.send(new ServerMessage.Ack(i, i)); // five go, three wait
        }
        assertThat(sent).hasSize(5);
        ByteBuffer asked = pings.get(pings.size() - 1);
        ByteBuffer forged = ByteBuffer.allocate(16).putLong(0, asked.getLong(0)).putLong(8, asked.getLong(8) + 1);
        early.receipt(forged);
        early.receipt(ByteBuffer.allocate(0)); // the heartbeat's pong
        assertThat(sent).hasSize(5);
        early.receipt(pong(asked));
        assertThat(sent).hasSize(6).last().isEqualTo(new ServerMessage.Batch(
                List.of(new ServerMessage.Ack(5, 5), new ServerMessage.Ack(6, 6), new ServerMessage.Ack(7, 7))));
        assertThat(closes).isEmpty();
    }

    @Test
    void manySmallFramesMeetTheBoundSoonerThanTheirTextAlone() {
        Outbox early = new Outbox((payload, done) -> {
            sent.add(payload);
            done.onResult(new SendResult());
        }, pings::add, BOUND / 2, Runnable::run, closes::add, BOUND, TransportMetrics.NONE);
        for (int i = 0; i < 4; i++) {
            early.send(new ServerMessage.Ack(i, i));
        }
        // each frame counts an ack and half the bound: the bound is reached after two frames, not five
        assertThat(sent).hasSize(2);
        assertThat(pings).isNotEmpty();
    }

    @Test
    void aClosingOutboxSendsWhatWaitsWithoutAReceiptThenCloses() {
        Outbox early = receipting();
        for (int i = 0; i < 7; i++) {
            early.send(new ServerMessage.Ack(i, i)); // five go, two wait for a receipt
        }
        early.closeWhenFlushed(new CloseReason(CloseCodes.GOING_AWAY, "shutting down"));
        assertThat(sent).hasSize(6);
        assertThat(closes).extracting(CloseReason::getCloseCode).containsExactly(CloseCodes.GOING_AWAY);
    }
}
