package dev.tandem.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
 * <p>A client too slow to read is closed with 1013 before it costs memory: what waits for it is
 * bounded by its estimated size in bytes ({@link #estimatedBytes}), not by a count, because one
 * message may carry a large text. A message that finds nothing else waiting leaves whatever its
 * size (a welcome with a large document); once more than {@code maxWaitingBytes} would wait
 * behind the frame in flight, the queue is dropped and the connection closed. A client that
 * reads steadily keeps the queue short, however long its catch-up; one that stopped reading
 * costs at most the bound (plus the frame the container is writing).
 */
final class Outbox {

    /** Sends one payload asynchronously (the container's {@code sendObject}); {@code done} follows. */
    interface Sender {
        void send(Object payload, SendHandler done);
    }

    /** Frames hold at most this many messages, so that no single frame grows without bound. */
    static final int MAX_BATCH = 256;

    private final Sender sender;
    private final Consumer<CloseReason> closer;
    private final long maxWaitingBytes;

    // guarded by this
    private final ArrayDeque<ServerMessage> queue = new ArrayDeque<>();
    private long waitingBytes;
    private boolean sending;
    private CloseReason closeWhenFlushed;
    private boolean finished;

    /**
     * @param closer          closes the connection; called at most once, without this lock held
     * @param maxWaitingBytes how much (estimated) may wait behind the frame in flight before the
     *                        client counts as too slow
     */
    Outbox(Sender sender, Consumer<CloseReason> closer, long maxWaitingBytes) {
        this.sender = sender;
        this.closer = closer;
        this.maxWaitingBytes = maxWaitingBytes;
    }

    /** Queues a message; nothing happens once the outbox is finished or closing. */
    void send(ServerMessage message) {
        List<ServerMessage> batch;
        synchronized (this) {
            if (finished || closeWhenFlushed != null) {
                return;
            }
            long bytes = estimatedBytes(message);
            if (sending && waitingBytes + bytes > maxWaitingBytes) {
                finished = true;
                queue.clear();
                waitingBytes = 0;
                batch = null;
            } else {
                queue.add(message);
                waitingBytes += bytes;
                if (sending) {
                    return;
                }
                sending = true;
                batch = take();
            }
        }
        if (batch == null) {
            closer.accept(Failure.SLOW_READER.closeReason("not reading: over " + maxWaitingBytes + " bytes waiting"));
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
        waitingBytes = 0;
    }

    /**
     * An upper estimate of a message's size as JSON: 3 UTF-8 bytes per UTF-16 unit of its texts
     * (JSON escapes of control characters may take more, and are rare) plus room for its fields.
     */
    static long estimatedBytes(ServerMessage message) {
        long fields = 128;
        if (message instanceof ServerMessage.Encoded encoded) {
            return 3L * encoded.json().length(); // an operation encoded once for all receivers (OpFrames)
        }
        if (message instanceof ServerMessage.Welcome welcome) {
            return fields + (welcome.text() == null ? 0 : 3L * welcome.text().length()) + 256L * welcome.users().size();
        }
        if (message instanceof ServerMessage.Op op) {
            long bytes = fields;
            for (Object component : op.op()) {
                bytes += component instanceof String text ? 3L * text.length() + 2 : 12;
            }
            return bytes;
        }
        if (message instanceof ServerMessage.Select select) {
            return fields + 32L * select.ranges().size();
        }
        if (message instanceof ServerMessage.Error error) {
            return fields + 3L * error.message().length();
        }
        return fields + 256; // ack, join, leave, pong
    }

    private List<ServerMessage> take() {
        List<ServerMessage> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            ServerMessage next = queue.poll();
            waitingBytes -= estimatedBytes(next);
            batch.add(next);
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
                waitingBytes = 0;
                sending = false;
                return;
            }
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
