package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.lang.ref.WeakReference;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpFramesTest {

    private static StoredOperation paste(long rev, int length) {
        return new StoredOperation(rev, TextOperation.builder().insert("p".repeat(length)).build(), "ana-0001", rev + 1, "c1",
                null, Instant.EPOCH);
    }

    @Test
    void receiversOfOneOperationShareOneEncoding() {
        StoredOperation applied = paste(7, 10);
        ServerMessage.Encoded first = OpFrames.of(applied);
        assertThat(OpFrames.of(applied)).isSameAs(first);
        assertThat(OpFrames.of(paste(7, 10))).as("another operation at the same revision").isNotSameAs(first);
    }

    @Test
    void theTableKeepsNoFrameAliveThatNoOneElseHolds() throws InterruptedException {
        StoredOperation applied = paste(4_242, 1 << 20);
        WeakReference<ServerMessage.Encoded> frame = new WeakReference<>(OpFrames.of(applied));
        WeakReference<StoredOperation> operation = new WeakReference<>(applied);
        applied = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((frame.get() != null || operation.get() != null) && System.nanoTime() < deadline) {
            System.gc(); // a leak test: what is collectable is collected by some full GC
            Thread.sleep(10);
        }
        assertThat(frame.get()).as("the 1 MiB frame").isNull();
        assertThat(operation.get()).as("the operation").isNull();
    }
}
