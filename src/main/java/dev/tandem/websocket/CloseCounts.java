package dev.tandem.websocket;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many connections the server has closed, by close code, since start: what an operator (and
 * a test from outside the container) can see of the limits at work in {@code /health}, e.g. 1013
 * for clients too slow to read, 1008 for abuse. Each close is passed on to the
 * {@link TransportMetrics} as well, so that {@code /metrics} counts the same closes
 * ({@code tandem_server_closes_total{code}}) without a second count in the endpoint. Safe for
 * concurrent use.
 */
public final class CloseCounts {

    private final ConcurrentHashMap<Integer, LongAdder> counts = new ConcurrentHashMap<>();
    private final TransportMetrics metrics;

    /** Counting for {@code /health} only. */
    public CloseCounts() {
        this(TransportMetrics.NONE);
    }

    public CloseCounts(TransportMetrics metrics) {
        this.metrics = metrics;
    }

    void count(int code) {
        counts.computeIfAbsent(code, c -> new LongAdder()).increment();
        metrics.closedByServer(code);
    }

    /** Close code (as text, for JSON) to count, in code order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((code, count) -> snapshot.put(Integer.toString(code), count.sum()));
        return snapshot;
    }
}
