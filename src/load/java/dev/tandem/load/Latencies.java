package dev.tandem.load;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in microseconds (HdrHistogram, 3 significant digits); recorded from any
 * thread. Each recording thread has its own histogram, merged when the figures are read: with a
 * thousand authors every operation is recorded a thousand times, and one shared concurrent
 * histogram cost the generator more than the server's own work on the operation.
 */
final class Latencies {

    private final List<Histogram> histograms = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Histogram> mine = ThreadLocal.withInitial(() -> {
        Histogram histogram = new Histogram(3);
        histograms.add(histogram);
        return histogram;
    });

    void record(long nanos) {
        Histogram histogram = mine.get();
        synchronized (histogram) { // uncontended but for a reader at the end
            histogram.recordValue(Math.max(0, nanos / 1_000));
        }
    }

    private Histogram merged() {
        Histogram all = new Histogram(3);
        for (Histogram histogram : histograms) {
            synchronized (histogram) {
                all.add(histogram);
            }
        }
        return all;
    }

    long count() {
        return merged().getTotalCount();
    }

    /** Milliseconds at {@code percentile} (0..100). */
    double millis(double percentile) {
        Histogram all = merged();
        return all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        Histogram all = merged();
        return all.getTotalCount() == 0 ? Double.NaN : all.getMaxValue() / 1000.0;
    }

    /** {@code p50/p95/p99/max} in ms, for the table. */
    String summary() {
        Histogram all = merged();
        if (all.getTotalCount() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f/%.1f/%.1f/%.1f", at(all, 50), at(all, 95), at(all, 99), all.getMaxValue() / 1000.0);
    }

    /** The same as a JSON object. */
    String json() {
        Histogram all = merged();
        if (all.getTotalCount() == 0) {
            return "null";
        }
        return String.format(Locale.ROOT, "{\"count\":%d,\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f,\"max\":%.3f}",
                all.getTotalCount(), at(all, 50), at(all, 95), at(all, 99), all.getMaxValue() / 1000.0);
    }

    private static double at(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
