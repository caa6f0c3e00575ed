package dev.tandem.store;

import java.util.List;

/**
 * What loading a document gives: its newest snapshot and every operation after it, in revision
 * order. The head is {@code snapshot.rev() + tail.size()}; the text at the head is the snapshot
 * with the tail applied.
 */
public record StoredDocument(String id, Snapshot snapshot, List<StoredOperation> tail) {

    public long head() {
        return snapshot.rev() + tail.size();
    }
}
