package dev.tandem.document;

import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Makes a document's decided operations durable, many per transaction: while one batch is being
 * written, the operations decided meanwhile collect in the next, and one {@link DocumentStore#append}
 * writes each batch. The write runs on the store executor, so the lane goes on deciding; its
 * outcome comes back to the lane as a new task.
 *
 * <p>Threading: confined to the document's lane, except the store call itself.
 */
final class GroupCommit {

    /** What the lane does when a batch is written (both are called on the lane). */
    interface Outcome {
        /** {@code batch} is durable; {@link #durable()} already counts it. */
        void committed(List<StoredOperation> batch);

        /** The batch was not written, or it is unknown whether it was. */
        void failed(String reason, Throwable cause);
    }

    private final String documentId;
    private final DocumentStore store;
    private final Executor storeExecutor;
    private final Executor lane;
    private final int maxBatch;
    private final Outcome outcome;
    private List<StoredOperation> pending = new ArrayList<>();
    private boolean writing;
    private long durable;

    GroupCommit(String documentId, long durable, DocumentStore store, Executor storeExecutor, Executor lane,
                int maxBatch, Outcome outcome) {
        this.documentId = documentId;
        this.durable = durable;
        this.store = store;
        this.storeExecutor = storeExecutor;
        this.lane = lane;
        this.maxBatch = maxBatch;
        this.outcome = outcome;
    }

    /** The durable head: every revision below it is in the store. */
    long durable() {
        return durable;
    }

    /** Whether nothing is waiting to be written or being written. */
    boolean isIdle() {
        return !writing && pending.isEmpty();
    }

    /** Adds an operation decided at revision {@code durable() + (operations waiting)}. */
    void add(StoredOperation operation) {
        pending.add(operation);
    }

    /** Starts writing what has collected, unless a write is under way (its end starts the next one). */
    void flush() {
        if (writing || pending.isEmpty()) {
            return;
        }
        List<StoredOperation> batch;
        if (pending.size() <= maxBatch) {
            batch = pending;
            pending = new ArrayList<>();
        } else {
            batch = new ArrayList<>(pending.subList(0, maxBatch));
            pending = new ArrayList<>(pending.subList(maxBatch, pending.size()));
        }
        writing = true;
        long expectedHead = durable;
        int lengthAfter = batch.get(batch.size() - 1).operation().targetLength();
        storeExecutor.execute(() -> write(batch, expectedHead, lengthAfter));
    }

    private void write(List<StoredOperation> batch, long expectedHead, int lengthAfter) {
        AppendResult result = null;
        RuntimeException failure = null;
        try {
            result = store.append(documentId, expectedHead, batch, lengthAfter);
        } catch (RuntimeException e) {
            failure = e;
        }
        AppendResult written = result;
        RuntimeException error = failure;
        lane.execute(() -> written(batch, expectedHead, written, error));
    }

    private void written(List<StoredOperation> batch, long expectedHead, AppendResult result, RuntimeException failure) {
        writing = false;
        long expected = expectedHead + batch.size();
        if (result instanceof AppendResult.Appended appended && appended.head() == expected) {
            durable = expected;
            flush(); // the next batch goes to the store before this one is fanned out
            outcome.committed(batch);
        } else if (failure != null) {
            outcome.failed("storing revisions " + expectedHead + " to " + (expected - 1) + " failed", failure);
        } else {
            // a single server is the only writer: another head means the log is not what memory says
            outcome.failed("storing revisions " + expectedHead + " to " + (expected - 1) + " found " + result, null);
        }
    }
}
