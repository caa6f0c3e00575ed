package dev.tandem.websocket;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many connections the server has closed, by close code, since start: what an operator (and
 * a test from outside the container) can see of the limits at work, e.g. 1013 for clients too
 * slow to read, 1008 for abuse. Safe for concurrent use.
 */
public final class CloseCounts {

    private final ConcurrentHashMap<Integer, LongAdder> counts = new ConcurrentHashMap<>();

    void count(int code) {
        counts.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Close code (as text, for JSON) to count, in code order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((code, count) -> snapshot.put(Integer.toString(code), count.sum()));
        return snapshot;
    }
}
