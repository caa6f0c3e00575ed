package dev.tandem.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
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
 *
 * <p>Read receipts, for containers whose send completes once the frame is queued rather than
 * written (Tyrus on Grizzly, i.e. GlassFish): there a frame is never in flight for long, and what
 * a client does not read piles up in the container's own write queue, out of this bound's sight
 * (issue 19: +215 MiB in 20 s, while this queue read 0). With a {@link Pinger}, the outbox asks
 * for proof of reading instead: after every quarter of the bound handed over it sends a
 * WebSocket ping carrying its position (and a random tag, so a pong cannot be made up), and a
 * client's pong, which it can only send after reading everything before the ping, confirms that
 * position. Once the bound is handed over unconfirmed, the outbox sends nothing more until a
 * receipt comes, so later messages wait here and meet the bound above. Every WebSocket client
 * answers pings (RFC 6455, 5.5.2), browsers without the page's help. The container then holds at
 * most the bound plus the last frame, and this queue at most the bound.
 */
final class Outbox {

    /** Sends one payload asynchronously (the container's {@code sendObject}); {@code done} follows. */
    interface Sender {
        void send(Object payload, SendHandler done);
    }

    /** Sends a WebSocket ping without waiting for the network (read receipts; see the class comment). */
    interface Pinger {
        void ping(ByteBuffer payload) throws IOException;
    }

    /**
     * What a frame handed over costs the container beyond its text, counted against the receipts'
     * bound: Grizzly keeps each queued frame in buffers and records of its own. Counting text
     * alone, a non-reader of many small frames left ~25,000 of them to the container and the
     * server's live heap grew 65 MB (issue 19); counting 4 KiB a frame, ~3,500 and 39 MB; counting
     * 16 KiB, about a thousand and 31 MB, most of which GlassFish keeps after the connections
     * have gone (Grizzly's buffer pools, presumably), against ~4 MB on Tomcat.
     */
    static final long FRAME_OVERHEAD = 16 * 1024;

    /** Seeds each outbox's receipt tags. */
    private static final SecureRandom SEEDS = new SecureRandom();
    /** Receipts asked for and not yet given, at most; an older one is forgotten (a later one confirms more). */
    private static final int MAX_RECEIPTS_AWAITED = 8;

    /** Frames hold at most this many messages, so that no single frame grows without bound. */
    static final int MAX_BATCH = 1024;

    private final Sender sender;
    private final Executor flusher;
    private final Consumer<CloseReason> closer;
    private final long maxWaitingBytes;
    private final TransportMetrics metrics;
    /** {@code null}: the container's completion means written, and no receipts are asked for. */
    private final Pinger pinger;
    private final long frameOverhead;
    private final SplittableRandom tags;

    // guarded by this
    private final ArrayDeque<ServerMessage> queue = new ArrayDeque<>();
    private long waitingBytes;
    /** A flush is queued on the flusher and has not run yet. */
    private boolean scheduled;
    /** A frame was handed to the container and its send has not completed. */
    private boolean inFlight;
    private CloseReason closeWhenFlushed;
    private boolean finished;
    /** Estimated bytes handed to the container so far, and how many of them the client confirmed reading. */
    private long handedOver;
    private long confirmed;
    /** Where the last receipt was asked for. */
    private long askedAt;
    /** The receipts asked for: position and tag, oldest first. */
    private final ArrayDeque<long[]> awaited = new ArrayDeque<>();
    /** The bound is handed over unconfirmed: nothing more goes until a receipt comes. */
    private boolean awaitingReceipt;

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
        this(sender, null, flusher, closer, maxWaitingBytes, metrics);
    }

    /**
     * @param pinger where the container's send completes before the frame is written: asks the
     *               client for read receipts (see the class comment); {@code null} elsewhere
     */
    Outbox(Sender sender, Pinger pinger, Executor flusher, Consumer<CloseReason> closer, long maxWaitingBytes,
           TransportMetrics metrics) {
        this(sender, pinger, FRAME_OVERHEAD, flusher, closer, maxWaitingBytes, metrics);
    }

    /** @param frameOverhead what each frame handed over counts beyond its text against the receipts' bound */
    Outbox(Sender sender, Pinger pinger, long frameOverhead, Executor flusher, Consumer<CloseReason> closer,
           long maxWaitingBytes, TransportMetrics metrics) {
        this.sender = sender;
        this.pinger = pinger;
        this.frameOverhead = frameOverhead;
        this.tags = pinger == null ? null : new SplittableRandom(SEEDS.nextLong());
        this.flusher = flusher;
        this.closer = closer;
        this.maxWaitingBytes = maxWaitingBytes;
        this.metrics = metrics;
    }

    /** Whether nothing may go before the client reads (it is in flight, or awaits a receipt). */
    private boolean held() {
        return inFlight || awaitingReceipt;
    }

    /** Queues a message; nothing happens once the outbox is finished or closing. */
    void send(ServerMessage message) {
        long bytes = estimatedBytes(message);
        boolean overflow = false;
        synchronized (this) {
            if (finished || closeWhenFlushed != null) {
                return;
            }
            if (held() && waitingBytes + bytes > maxWaitingBytes) {
                finished = true;
                overflow = true;
                dropQueue();
            } else {
                queue.add(message);
                waitingBytes += bytes;
                metrics.queued(bytes);
                if (scheduled || held()) {
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
            if (!queue.isEmpty()) {
                // held back for a receipt: a closing connection's last messages (at most the
                // bound) go without one, then the close
                awaitingReceipt = false;
                scheduled = true;
                reason = null;
            } else {
                finished = true;
            }
        }
        if (reason == null) {
            schedule();
        } else {
            closer.accept(reason);
        }
    }

    /**
     * A pong: if it answers a receipt asked for, the client has read everything handed over
     * before it, and what waits may go. Other pongs (the heartbeat's, a client's own) change nothing.
     */
    void receipt(ByteBuffer pong) {
        if (pinger == null || pong.remaining() != 2 * Long.BYTES) {
            return;
        }
        long position = pong.getLong(pong.position());
        long tag = pong.getLong(pong.position() + Long.BYTES);
        boolean resume = false;
        synchronized (this) {
            long[] match = null;
            for (long[] asked : awaited) {
                if (asked[0] == position && asked[1] == tag) {
                    match = asked;
                    break;
                }
            }
            if (match == null || finished) {
                return;
            }
            for (Iterator<long[]> asked = awaited.iterator(); asked.hasNext(); ) {
                long[] next = asked.next();
                asked.remove(); // this one and all asked before it
                if (next == match) {
                    break;
                }
            }
            confirmed = Math.max(confirmed, position);
            if (awaitingReceipt && handedOver - confirmed < maxWaitingBytes) {
                awaitingReceipt = false;
                if (!queue.isEmpty() && !scheduled && !inFlight) {
                    scheduled = true;
                    resume = true;
                }
            }
        }
        if (resume) {
            schedule();
        }
    }

    /** Whether nothing is queued or in flight (a heartbeat pings only then). */
    synchronized boolean isIdle() {
        return !scheduled && !held() && !finished;
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
            if (finished || inFlight || (awaitingReceipt && closeWhenFlushed == null)) {
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
        handedOver += taken + (pinger == null ? 0 : frameOverhead);
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
        boolean slow = false;
        CloseReason close = null;
        ByteBuffer askReceipt = null;
        synchronized (this) {
            inFlight = false;
            if (!result.isOK()) {
                // the connection broke (the container closes it and the endpoint hears of it), or
                // the container gave up writing to a client that does not read: a slow reader.
                // Tomcat times out a send that cannot progress, which a client fed small messages
                // slowly may reach before the bound (issue 19): unclosed, it lingered until idle.
                slow = !finished && closeWhenFlushed == null && timedOut(result.getException());
                finished = true;
                dropQueue();
            } else if (finished) {
                return;
            } else {
                if (pinger != null && closeWhenFlushed == null) {
                    askReceipt = receiptRequest();
                    awaitingReceipt = handedOver - confirmed >= maxWaitingBytes;
                }
                if (awaitingReceipt) {
                    // the receipt resumes the flushes
                } else if (!queue.isEmpty()) {
                    // through the flusher again rather than from the container's completion:
                    // meanwhile more may queue up, and every connection waits its turn
                    if (!scheduled) {
                        scheduled = true;
                        again = true;
                    }
                } else if (closeWhenFlushed != null) {
                    finished = true;
                    close = closeWhenFlushed;
                }
            }
        }
        if (slow) {
            metrics.failed(Failure.SLOW_READER.metricName());
            closer.accept(Failure.SLOW_READER.closeReason("not reading: a send timed out"));
            return;
        }
        if (askReceipt != null) {
            ping(askReceipt); // after the frame, on the same connection: it arrives behind it
        }
        if (again) {
            schedule();
        } else if (close != null) {
            closer.accept(close);
        }
    }

    /** Whether a failed send failed because the container timed it out (the client did not read). */
    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Under the lock: a ping payload asking for a receipt of everything handed over, when a quarter
     * of the bound went since the last one asked (so that a reading client confirms long before the
     * bound is reached), or when the bound is reached and the last frame was not yet asked about.
     */
    private ByteBuffer receiptRequest() {
        boolean due = handedOver - askedAt >= maxWaitingBytes / 4
                || (handedOver - confirmed >= maxWaitingBytes && askedAt < handedOver);
        if (!due) {
            return null;
        }
        askedAt = handedOver;
        long tag = tags.nextLong();
        if (awaited.size() == MAX_RECEIPTS_AWAITED) {
            awaited.poll();
        }
        awaited.add(new long[] {handedOver, tag});
        return ByteBuffer.allocate(2 * Long.BYTES).putLong(handedOver).putLong(tag).flip();
    }

    private void ping(ByteBuffer payload) {
        try {
            pinger.ping(payload);
        } catch (IOException | RuntimeException e) {
            discard(); // the session closed under us: the container reports the close
        }
    }
}
