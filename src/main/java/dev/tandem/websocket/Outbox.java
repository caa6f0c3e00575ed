package dev.tandem.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One connection's outbound queue. Messages are queued by {@link #send} and leave from the
 * {@code flusher}, never from the caller: whatever has queued up by the time the flush runs
 * leaves as one JSON array frame (PROTOCOL.md's batches), and while a frame is in flight the
 * next ones wait for it. The order of messages is the order of {@link #send}.
 *
 * <p>Why the hand-off: the caller is usually the document's lane, handing one commit's
 * operations to every connection of the document one after the other. Writing a frame there
 * would put one socket write per connection per operation on the lane; queuing costs it a few
 * nanoseconds, and the flush that follows finds the whole commit (or, when the senders are
 * busy, several commits) waiting and writes it as one frame. The busier the server, the larger
 * the frames: the number of writes per second adapts to what the senders can do, without timers.
 *
 * <p>Threading: {@link #send} may be called from any thread and never blocks. Flushes run on the
 * {@code flusher}; the frame is handed to the container's asynchronous sender, whose completion
 * schedules the next flush. Closing goes through {@code closer}, which may block on the network
 * and so must run elsewhere than the caller (the endpoint gives it an executor).
 *
 * <p>A client too slow to read is closed with 1013 before it costs memory: what waits behind the
 * frame in flight is bounded by its estimated size in bytes ({@link #estimatedBytes}), not by a
 * count, because one message may carry a large text. While nothing is in flight there is no
 * bound (the flush is on its way), so a message that finds nothing in flight leaves whatever its
 * size (a welcome with a large document); once more than {@code maxWaitingBytes} would wait
 * behind a frame in flight, the queue is dropped and the connection closed. A client that reads
 * steadily keeps the queue short, however long its catch-up; one that stopped reading costs at
 * most the bound (plus the frame the container is writing).
 */
final class Outbox {

    /** Sends one payload asynchronously (the container's {@code sendObject}); {@code done} follows. */
    interface Sender {
        void send(Object payload, SendHandler done);
    }

    /** Frames hold at most this many messages, so that no single frame grows without bound. */
    static final int MAX_BATCH = 1024;

    private final Sender sender;
    private final Executor flusher;
    private final Consumer<CloseReason> closer;
    private final long maxWaitingBytes;
    private final TransportMetrics metrics;

    // guarded by this
    private final ArrayDeque<ServerMessage> queue = new ArrayDeque<>();
    private long waitingBytes;
    /** A flush is queued on the flusher and has not run yet. */
    private boolean scheduled;
    /** A frame was handed to the container and its send has not completed. */
    private boolean inFlight;
    private CloseReason closeWhenFlushed;
    private boolean finished;

    /** Flushes on the caller's thread, without metrics (tests). */
    Outbox(Sender sender, Consumer<CloseReason> closer, long maxWaitingBytes) {
        this(sender, Runnable::run, closer, maxWaitingBytes, TransportMetrics.NONE);
    }

    /**
     * @param flusher         runs the flushes: an executor whose tasks do not block (the container's
     *                        sends are asynchronous)
     * @param closer          closes the connection; called at most once, without this lock held
     * @param maxWaitingBytes how much (estimated) may wait behind the frame in flight before the
     *                        client counts as too slow
     * @param metrics         told of the bytes queued and taken ({@link TransportMetrics#queued})
     */
    Outbox(Sender sender, Executor flusher, Consumer<CloseReason> closer, long maxWaitingBytes, TransportMetrics metrics) {
        this.sender = sender;
        this.flusher = flusher;
        this.closer = closer;
        this.maxWaitingBytes = maxWaitingBytes;
        this.metrics = metrics;
    }

    /** Queues a message; nothing happens once the outbox is finished or closing. */
    void send(ServerMessage message) {
        long bytes = estimatedBytes(message);
        boolean overflow = false;
        synchronized (this) {
            if (finished || closeWhenFlushed != null) {
                return;
            }
            if (inFlight && waitingBytes + bytes > maxWaitingBytes) {
                finished = true;
                overflow = true;
                dropQueue();
            } else {
                queue.add(message);
                waitingBytes += bytes;
                metrics.queued(bytes);
                if (scheduled || inFlight) {
                    return;
                }
                scheduled = true;
            }
        }
        if (overflow) {
            metrics.failed(Failure.SLOW_READER.metricName());
            closer.accept(Failure.SLOW_READER.closeReason("not reading: over " + maxWaitingBytes + " bytes waiting"));
        } else {
            schedule();
        }
    }

    /** Sends what is queued, then closes with {@code reason}; later {@link #send}s are dropped. */
    void closeWhenFlushed(CloseReason reason) {
        synchronized (this) {
            if (finished || closeWhenFlushed != null) {
                return;
            }
            closeWhenFlushed = reason;
            if (scheduled || inFlight) {
                return; // the flush or the send's completion closes once the queue is empty
            }
            finished = true;
        }
        closer.accept(reason);
    }

    /** Whether nothing is queued or in flight (a heartbeat pings only then). */
    synchronized boolean isIdle() {
        return !scheduled && !inFlight && !finished;
    }

    /** The connection is gone: drop what waits and send nothing more. */
    synchronized void discard() {
        finished = true;
        dropQueue();
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

    private void schedule() {
        try {
            flusher.execute(this::flush);
        } catch (RejectedExecutionException stopping) {
            flush(); // the application is stopping: what is left (a 1001 close) still goes, from here
        }
    }

    /** On the flusher: hands what is queued to the container as one frame, or closes once all has left. */
    private void flush() {
        List<ServerMessage> batch;
        CloseReason close = null;
        synchronized (this) {
            scheduled = false;
            if (finished || inFlight) {
                return;
            }
            if (queue.isEmpty()) {
                if (closeWhenFlushed == null) {
                    return;
                }
                finished = true;
                close = closeWhenFlushed;
                batch = null;
            } else {
                batch = take();
                inFlight = true;
            }
        }
        if (close != null) {
            closer.accept(close);
        } else {
            transmit(batch);
        }
    }

    private List<ServerMessage> take() {
        List<ServerMessage> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        long taken = 0;
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            ServerMessage next = queue.poll();
            taken += estimatedBytes(next);
            batch.add(next);
        }
        waitingBytes -= taken;
        metrics.queued(-taken);
        return batch;
    }

    private void dropQueue() {
        queue.clear();
        metrics.queued(-waitingBytes);
        waitingBytes = 0;
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
        boolean again = false;
        CloseReason close = null;
        synchronized (this) {
            inFlight = false;
            if (!result.isOK()) {
                // the connection broke; the container closes it and the endpoint hears of it
                finished = true;
                dropQueue();
                return;
            }
            if (finished) {
                return;
            }
            if (!queue.isEmpty()) {
                // through the flusher again rather than from the container's completion: meanwhile
                // more may queue up, and every connection waits its turn
                if (!scheduled) {
                    scheduled = true;
                    again = true;
                }
            } else if (closeWhenFlushed != null) {
                finished = true;
                close = closeWhenFlushed;
            }
        }
        if (again) {
            schedule();
        } else if (close != null) {
            closer.accept(close);
        }
    }
}
