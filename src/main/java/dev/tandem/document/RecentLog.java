package dev.tandem.document;

import dev.tandem.store.StoredOperation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The newest operations of a loaded document, from revision {@link #start()} to the lane's head,
 * durable or not yet: what incoming operations are transformed against and catch-ups are sent
 * from. Older revisions are read from the store. Indexed by {@code (src, seq)} so that a resent
 * operation is recognised without a store round trip.
 *
 * <p>Threading: confined to the document's lane.
 */
final class RecentLog {

    private StoredOperation[] ring = new StoredOperation[64]; // capacity: a power of two
    private int first;
    private int size;
    private long start;
    /** Estimated heap held by the operations in the ring, {@link #weight} each. */
    private long bytes;
    private final Map<Key, StoredOperation> bySource = new HashMap<>();

    private record Key(String src, long seq) {
    }

    RecentLog(long start) {
        this.start = start;
    }

    /** The oldest revision held. */
    long start() {
        return start;
    }

    /** The lane's head: the revision the next decided operation gets. */
    long head() {
        return start + size;
    }

    /** The operation applied at {@code rev}, which must be in {@code [start, head)}. */
    StoredOperation get(long rev) {
        if (rev < start || rev >= head()) {
            throw new IllegalArgumentException("revision " + rev + " is not in memory [" + start + ", " + head() + ")");
        }
        return ring[(first + (int) (rev - start)) & (ring.length - 1)];
    }

    /** The document's length at {@code rev} in {@code [start, head]}, given its length at the head. */
    int lengthAt(long rev, int headLength) {
        return rev == head() ? headLength : get(rev).operation().baseLength();
    }

    void add(StoredOperation operation) {
        if (operation.rev() != head()) {
            throw new IllegalStateException("operation at " + operation.rev() + " appended to a log whose head is " + head());
        }
        if (size == ring.length) {
            StoredOperation[] grown = new StoredOperation[ring.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = ring[(first + i) & (ring.length - 1)];
            }
            ring = grown;
            first = 0;
        }
        ring[(first + size) & (ring.length - 1)] = operation;
        size++;
        bytes += weight(operation);
        bySource.put(new Key(operation.src(), operation.seq()), operation);
    }

    /** Forgets the revisions below {@code rev} (they are durable and can be read from the store). */
    void dropBefore(long rev) {
        while (start < rev && size > 0) {
            StoredOperation dropped = ring[first];
            ring[first] = null;
            bySource.remove(new Key(dropped.src(), dropped.seq()));
            bytes -= weight(dropped);
            first = (first + 1) & (ring.length - 1);
            size--;
            start++;
        }
        if (size == 0 && ring.length > 1024) {
            ring = Arrays.copyOf(ring, 64);
            first = 0;
        }
    }

    /** Estimated heap held by the operations in memory. */
    long bytes() {
        return bytes;
    }

    /**
     * The lowest revision from which on the held operations weigh at most {@code maxBytes}: what
     * {@link #dropBefore} must be given to bring {@link #bytes()} under that bound.
     */
    long startWithin(long maxBytes) {
        long rev = start;
        long held = bytes;
        while (held > maxBytes && rev < head()) {
            held -= weight(get(rev));
            rev++;
        }
        return rev;
    }

    /**
     * What one operation holds: its objects and arrays (about 200 bytes for a keystroke, with its
     * record and index entry) and two bytes per inserted unit, the worst case of a Java string.
     */
    static long weight(StoredOperation operation) {
        long weight = 200 + 12L * operation.operation().size();
        for (int i = 0; i < operation.operation().size(); i++) {
            if (operation.operation().isInsert(i)) {
                weight += 2L * operation.operation().length(i);
            }
        }
        return weight;
    }

    /** The operation {@code src} sent as {@code seq}, if it is held here. */
    StoredOperation find(String src, long seq) {
        return bySource.get(new Key(src, seq));
    }
}
