package dev.tandem.load;

import java.util.Locale;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds (HdrHistogram, 3 significant digits); recorded from any thread. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** Milliseconds at {@code percentile} (0..100). */
    double millis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** {@code p50/p95/p99/max} in ms, for the table. */
    String summary() {
        if (count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f/%.1f/%.1f/%.1f", millis(50), millis(95), millis(99), maxMillis());
    }

    /** The same as a JSON object. */
    String json() {
        if (count() == 0) {
            return "null";
        }
        return String.format(Locale.ROOT, "{\"count\":%d,\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f,\"max\":%.3f}",
                count(), millis(50), millis(95), millis(99), maxMillis());
    }
}
