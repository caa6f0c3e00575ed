package dev.tandem.store;

import dev.tandem.ot.TextOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One author typing into a document: makes well-formed {@link StoredOperation}s for the contract
 * tests and keeps the text they lead to, so a test can check a replay against it.
 */
final class Typing {

    /** A fixed start, with microseconds, so times compare exactly. */
    static final Instant START = Instant.parse("2026-11-25T10:00:00.123456Z");

    private final String src;
    private final String client;
    private final String name;
    private String text;
    private long rev;
    private long seq;

    Typing(String src) {
        this(src, "c1", "Ana", "", 0);
    }

    private Typing(String src, String client, String name, String text, long rev) {
        this.src = src;
        this.client = client;
        this.name = name;
        this.text = text;
        this.rev = rev;
    }

    /** Appends {@code words} at the end of the text, one operation each; revisions follow on. */
    List<StoredOperation> type(String... words) {
        List<StoredOperation> batch = new ArrayList<>();
        for (String word : words) {
            TextOperation operation = TextOperation.builder().retain(text.length()).insert(word).build();
            batch.add(next(operation));
        }
        return batch;
    }

    /** Deletes the first {@code n} units. */
    StoredOperation deleteFirst(int n) {
        return next(TextOperation.builder().delete(n).retain(text.length() - n).build());
    }

    private StoredOperation next(TextOperation operation) {
        StoredOperation stored = new StoredOperation(rev, operation, src, ++seq, client, name, START.plusSeconds(rev));
        text = operation.apply(text);
        rev++;
        return stored;
    }

    /** The author's sequence number for the next operation will be above this. */
    long seq() {
        return seq;
    }

    long rev() {
        return rev;
    }

    String text() {
        return text;
    }

    /** A one-character insert at {@code rev}, for tests that care about revisions, not text. */
    static StoredOperation insertAt(long rev, String src, long seq) {
        return new StoredOperation(rev, TextOperation.builder().insert("x").build(), src, seq, "c-" + src, null, START.plusSeconds(rev));
    }
}
