package dev.tandem.load;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the authors of one scenario share: the latency histograms, counters, the first errors,
 * and when each author sent each operation (so that the others can time its arrival).
 *
 * <p>Threading: everything here is safe for concurrent use by every author.
 */
final class Run {

    /** Sent times kept per author: receivers more than this many operations behind lose their sample. */
    private static final int SENT_SLOTS = 1024;

    final Latencies ack = new Latencies();
    final Latencies fanOut = new Latencies();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final List<String> firstErrors = new CopyOnWriteArrayList<>();
    /** Whether latencies and acks are counted (not while warming up or settling). */
    volatile boolean measuring;
    private final ConcurrentHashMap<String, AtomicLongArray> sent = new ConcurrentHashMap<>();

    void error(String what) {
        errors.incrementAndGet();
        if (firstErrors.size() < 10) {
            firstErrors.add(what);
        }
    }

    /** Where author {@code src}'s send times are kept: looked up once per author and per message text, not per arrival. */
    AtomicLongArray sentTimes(String src) {
        return sent.computeIfAbsent(src, s -> new AtomicLongArray(2 * SENT_SLOTS));
    }

    /** Author {@code src} sent its operation {@code seq} at {@code nanos}. */
    void sent(String src, long seq, long nanos) {
        AtomicLongArray times = sentTimes(src);
        int slot = (int) (seq % SENT_SLOTS) * 2;
        times.set(slot + 1, nanos);
        times.set(slot, seq);
    }

    /** Another author received an operation {@code seq} now from the author whose {@link #sentTimes} these are: its fan-out latency. */
    void arrived(AtomicLongArray times, long seq, long now) {
        if (!measuring) {
            return;
        }
        int slot = (int) (seq % SENT_SLOTS) * 2;
        long at = times.get(slot + 1);
        if (times.get(slot) == seq) {
            fanOut.record(now - at);
        }
    }
}
