package dev.tandem.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One connection's outbound queue. At most one send is in flight; what arrives meanwhile waits
 * and leaves as one JSON array frame when the send completes (PROTOCOL.md's batches), so a busy
 * client gets fewer, larger frames and the order of messages is the order of {@link #send}.
 *
 * <p>Threading: {@link #send} may be called from any thread, notably the document's lane, and
 * never blocks: the frame is handed to the container's asynchronous sender. Closing goes
 * through {@code closer}, which may block on the network and so must run elsewhere than the
 * caller (the endpoint gives it an executor).
 *
 * <p>A client too slow to read is closed with 1013 rather than letting memory grow: when more
 * than {@code bound} messages wait and no frame has left for {@link #PATIENCE_NANOS}, or when
 * ten times {@code bound} wait whatever the progress. A long catch-up to a client that reads
 * steadily therefore passes, while a stuck client is dropped.
 */
final class Outbox {

    /** Sends one payload asynchronously (the container's {@code sendObject}); {@code done} follows. */
    interface Sender {
        void send(Object payload, SendHandler done);
    }

    /** Frames hold at most this many messages, so that no single frame grows without bound. */
    static final int MAX_BATCH = 256;
    /** How long a client with more than {@code bound} messages waiting may go without reading one frame. */
    static final long PATIENCE_NANOS = 5_000_000_000L;

    private final Sender sender;
    private final Consumer<CloseReason> closer;
    private final int bound;
    private final LongSupplier clock;

    // guarded by this
    private final ArrayDeque<ServerMessage> queue = new ArrayDeque<>();
    private boolean sending;
    private CloseReason closeWhenFlushed;
    private boolean finished;
    private long lastProgress;

    /**
     * @param closer closes the connection; called at most once, without this lock held
     * @param bound  how many messages may wait before a client that stopped reading counts as too slow
     * @param clock  {@link System#nanoTime} (tests pass their own)
     */
    Outbox(Sender sender, Consumer<CloseReason> closer, int bound, LongSupplier clock) {
        this.sender = sender;
        this.closer = closer;
        this.bound = bound;
        this.clock = clock;
        this.lastProgress = clock.getAsLong();
    }

    /** Queues a message; nothing happens once the outbox is finished or closing. */
    void send(ServerMessage message) {
        List<ServerMessage> batch;
        synchronized (this) {
            if (finished || closeWhenFlushed != null) {
                return;
            }
            if (tooSlow()) {
                finished = true;
                queue.clear();
                batch = null;
            } else {
                queue.add(message);
                if (sending) {
                    return;
                }
                sending = true;
                batch = take();
            }
        }
        if (batch == null) {
            closer.accept(Failure.SLOW_READER.closeReason("not reading: over " + bound + " messages waiting"));
        } else {
            transmit(batch);
        }
    }

    /** Sends what is queued, then closes with {@code reason}; later {@link #send}s are dropped. */
    void closeWhenFlushed(CloseReason reason) {
        synchronized (this) {
            if (finished || closeWhenFlushed != null) {
                return;
            }
            closeWhenFlushed = reason;
            if (sending) {
                return;
            }
            finished = true;
        }
        closer.accept(reason);
    }

    /** Whether nothing is queued or in flight (a heartbeat pings only then). */
    synchronized boolean isIdle() {
        return !sending && !finished;
    }

    /** The connection is gone: drop what waits and send nothing more. */
    synchronized void discard() {
        finished = true;
        queue.clear();
    }

    private boolean tooSlow() {
        return queue.size() >= 10L * bound
                || (queue.size() >= bound && clock.getAsLong() - lastProgress > PATIENCE_NANOS);
    }

    private List<ServerMessage> take() {
        List<ServerMessage> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        return batch;
    }

    private void transmit(List<ServerMessage> batch) {
        Object payload = batch.size() == 1 ? batch.get(0) : new ServerMessage.Batch(batch);
        try {
            sender.send(payload, this::sent);
        } catch (RuntimeException e) {
            // e.g. the session closed under us: the container reports the close; stop sending
            discard();
        }
    }

    private void sent(SendResult result) {
        List<ServerMessage> next = null;
        CloseReason close = null;
        synchronized (this) {
            if (!result.isOK()) {
                // the connection broke; the container closes it and the endpoint hears of it
                finished = true;
                queue.clear();
                sending = false;
                return;
            }
            lastProgress = clock.getAsLong();
            if (!finished && !queue.isEmpty()) {
                next = take();
            } else {
                sending = false;
                if (closeWhenFlushed != null && !finished) {
                    finished = true;
                    close = closeWhenFlushed;
                }
            }
        }
        if (next != null) {
            transmit(next);
        } else if (close != null) {
            closer.accept(close);
        }
    }
}
