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

    /** Author {@code src} sent its operation {@code seq} at {@code nanos}. */
    void sent(String src, long seq, long nanos) {
        AtomicLongArray times = sent.computeIfAbsent(src, s -> new AtomicLongArray(2 * SENT_SLOTS));
        int slot = (int) (seq % SENT_SLOTS) * 2;
        times.set(slot + 1, nanos);
        times.set(slot, seq);
    }

    /** Another author received {@code src}'s operation {@code seq} now: its fan-out latency. */
    void arrived(String src, long seq, long now) {
        AtomicLongArray times = sent.get(src);
        if (times == null || !measuring) {
            return;
        }
        int slot = (int) (seq % SENT_SLOTS) * 2;
        long at = times.get(slot + 1);
        if (times.get(slot) == seq) {
            fanOut.record(now - at);
        }
    }
}
