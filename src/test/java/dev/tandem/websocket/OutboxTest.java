package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbound queue against a sender whose sends complete when the test says so. */
class OutboxTest {

    private final List<Object> sent = new ArrayList<>();
    private final List<SendHandler> inFlight = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    private long now;
    private final Outbox outbox = new Outbox((payload, done) -> {
        sent.add(payload);
        inFlight.add(done);
    }, closes::add, 5, () -> now);

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
    void aReaderThatStopsReadingIsClosedWith1013AndNothingMoreIsQueued() {
        for (int i = 0; i < 7; i++) {
            outbox.send(new ServerMessage.Ack(i, i));
        }
        assertThat(closes).isEmpty(); // over the bound, but only just stopped reading
        now += Outbox.PATIENCE_NANOS + 1;
        outbox.send(new ServerMessage.Ack(7, 7));
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0).getCloseCode()).isEqualTo(CloseCodes.TRY_AGAIN_LATER);
        completeSend();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aLongCatchUpToAClientThatKeepsReadingPasses() {
        for (int i = 0; i < 40; i++) {
            outbox.send(new ServerMessage.Ack(i, i));
            if (i % 10 == 9) {
                now += Outbox.PATIENCE_NANOS; // slow, but frames keep leaving
                completeSend();
            }
        }
        assertThat(closes).isEmpty();
    }

    @Test
    void tenTimesTheBoundClosesWhateverTheProgress() {
        for (int i = 0; i < 60; i++) {
            outbox.send(new ServerMessage.Ack(i, i));
        }
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
    void aFailedSendStopsTheOutbox() {
        outbox.send(new ServerMessage.Ack(1, 0));
        outbox.send(new ServerMessage.Ack(2, 1));
        inFlight.remove(0).onResult(new SendResult(new IOException("reset by peer")));
        outbox.send(new ServerMessage.Ack(3, 2));
        assertThat(sent).hasSize(1);
        assertThat(outbox.isIdle()).isFalse();
    }
}
