package dev.tandem.document;

import dev.tandem.ot.Diff;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.Snapshot;
import dev.tandem.store.StoreException;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import dev.tandem.store.ViewTokens;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What was: texts at past revisions, the log, the document list. Everything here is durable, so
 * it is read from the store alone (on the store executor) and needs no lane: a revision is in the
 * store before anyone hears of it.
 *
 * <p>Threading: any thread; futures complete on the store executor.
 */
final class History {

    /** Operations read from the store at a time while following a diff: bounds the memory a diff holds besides its pieces. */
    private static final int DIFF_CHUNK = 10_000;

    private final DocumentStore store;
    private final Executor storeExecutor;

    History(DocumentStore store, Executor storeExecutor) {
        this.store = store;
        this.storeExecutor = storeExecutor;
    }

    /** The text at {@code rev}: the nearest snapshot at or before it, then a replay of the log. */
    CompletableFuture<TextAtRevision> textAt(String id, long rev) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<DocumentSummary> summary = store.summary(id);
            if (summary.isEmpty()) {
                return new TextAtRevision.NoSuchDocument();
            }
            long head = summary.get().rev();
            if (rev < 0 || rev > head) {
                return new TextAtRevision.UnknownRevision(head);
            }
            Snapshot snapshot = store.snapshotAtOrBefore(id, rev).orElse(new Snapshot(0, ""));
            return new TextAtRevision.Found(rev, replay(id, snapshot.text(), store.read(id, snapshot.rev(), rev), snapshot.rev(), rev));
        }, storeExecutor);
    }

    /**
     * What changed from {@code from} to {@code to}: the text at {@code from}, then the log in
     * between, read a chunk at a time and followed by a {@link Diff.Tracker} that attributes every
     * change to the {@code name} of its operation.
     */
    CompletableFuture<RevisionDiff> diff(String id, long from, long to) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<DocumentSummary> summary = store.summary(id);
            if (summary.isEmpty()) {
                return new RevisionDiff.NoSuchDocument();
            }
            long head = summary.get().rev();
            if (from < 0 || to > head || from > to) {
                return new RevisionDiff.UnknownRevision(head);
            }
            Snapshot snapshot = store.snapshotAtOrBefore(id, from).orElse(new Snapshot(0, ""));
            Diff.Tracker tracker = new Diff.Tracker(replay(id, snapshot.text(), store.read(id, snapshot.rev(), from), snapshot.rev(), from));
            for (long rev = from; rev < to; rev += DIFF_CHUNK) {
                long end = Math.min(to, rev + DIFF_CHUNK);
                List<StoredOperation> chunk = store.read(id, rev, end);
                if (chunk.size() != end - rev) {
                    throw new StoreException("the log of " + id + " has " + chunk.size() + " operations in [" + rev + ", " + end + ")");
                }
                for (StoredOperation operation : chunk) {
                    tracker.apply(operation.operation(), operation.name());
                }
            }
            return new RevisionDiff.Found(from, to, tracker.diff());
        }, storeExecutor);
    }

    /** The document at its head as the store has it. */
    CompletableFuture<Optional<DocumentState>> get(String id) {
        return CompletableFuture.supplyAsync(() -> store.load(id).map(History::atHead), storeExecutor);
    }

    CompletableFuture<List<StoredOperation>> operations(String id, long from, long to, int limit) {
        long start = Math.max(0, from);
        long end = Math.min(to, start + Math.max(0, limit));
        return CompletableFuture.supplyAsync(() -> end <= start ? List.of() : store.read(id, start, end), storeExecutor);
    }

    CompletableFuture<List<DocumentSummary>> list(int limit) {
        return CompletableFuture.supplyAsync(() -> store.list(limit), storeExecutor);
    }

    CompletableFuture<Optional<String>> viewToken(String id) {
        return CompletableFuture.supplyAsync(() -> store.viewToken(id), storeExecutor);
    }

    CompletableFuture<Optional<String>> documentOfViewToken(String token) {
        if (!ViewTokens.isWellFormed(token)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> store.documentOfViewToken(token), storeExecutor);
    }

    CompletableFuture<Boolean> create(String id) {
        return CompletableFuture.supplyAsync(() -> store.create(id), storeExecutor);
    }

    static DocumentState atHead(StoredDocument stored) {
        return new DocumentState(stored.id(), stored.head(),
                replay(stored.id(), stored.snapshot().text(), stored.tail(), stored.snapshot().rev(), stored.head()));
    }

    private static String replay(String id, String text, List<StoredOperation> operations, long from, long to) {
        if (operations.size() != to - from) {
            throw new StoreException("the log of " + id + " has " + operations.size() + " operations in [" + from + ", " + to + ")");
        }
        for (StoredOperation operation : operations) {
            text = operation.operation().apply(text);
        }
        return text;
    }
}
