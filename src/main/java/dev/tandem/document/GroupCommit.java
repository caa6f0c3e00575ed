package dev.tandem.document;

import dev.tandem.store.Append;
import dev.tandem.store.AppendResult;
import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Makes a document's decided operations durable, many per transaction: while one batch is being
 * written, the operations decided meanwhile collect in the next. The service's
 * {@link CommitRounds} writes the batches of many documents with one commit; each outcome comes
 * back to the lane as a new task, in the order the batches were written.
 *
 * <p>Threading: {@link #add}, {@link #flush}, {@link #durable()} and {@link #isIdle()} run on
 * the document's lane; {@link #take} and {@link #written} run in a round, on a store thread.
 * The operations waiting and whether the document is queued or broken are shared between the
 * two and guarded by this object's monitor; the rest belongs to the lane.
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
    private final CommitRounds rounds;
    private final Executor lane;
    private final int maxBatch;
    private final Outcome outcome;
    /** Lane: every revision below it is in the store. */
    private long durable;
    /** Lane: operations added and not yet reported back as written or failed. */
    private int outstanding;
    /** Guarded by this: operations decided and not yet taken into a round. */
    private List<StoredOperation> pending = new ArrayList<>();
    /** Guarded by this: the head after everything taken into a round so far. */
    private long taken;
    /** Guarded by this: in the rounds' queue or in a round; then no other round may take it. */
    private boolean queued;
    /** Guarded by this: a write failed, so nothing more is written (the lane unloads the document). */
    private boolean broken;

    GroupCommit(String documentId, long durable, CommitRounds rounds, Executor lane, int maxBatch, Outcome outcome) {
        this.documentId = documentId;
        this.durable = durable;
        this.taken = durable;
        this.rounds = rounds;
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
        return outstanding == 0;
    }

    /** Adds an operation decided at revision {@code durable() + (operations outstanding)}. */
    void add(StoredOperation operation) {
        outstanding++;
        synchronized (this) {
            pending.add(operation);
        }
    }

    /** Queues what has collected for the next round, unless the document is queued or being written already. */
    void flush() {
        synchronized (this) {
            if (queued || broken || pending.isEmpty()) {
                return;
            }
            queued = true;
        }
        rounds.queue(this);
    }

    /** In a round: the next batch to write, at most {@code maxBatch} operations, or null if none is waiting. */
    synchronized Append take() {
        if (broken || pending.isEmpty()) {
            queued = false;
            return null;
        }
        List<StoredOperation> batch;
        if (pending.size() <= maxBatch) {
            batch = pending;
            pending = new ArrayList<>();
        } else {
            batch = new ArrayList<>(pending.subList(0, maxBatch));
            pending = new ArrayList<>(pending.subList(maxBatch, pending.size()));
        }
        Append append = new Append(documentId, taken, batch, batch.get(batch.size() - 1).operation().targetLength());
        taken += batch.size();
        return append;
    }

    /**
     * In a round: {@code append} was written with {@code result}, or failed. Hands the outcome to
     * the lane, then queues the next batch straight away if one has collected, so that it is
     * written before this one is fanned out.
     */
    void written(Append append, AppendResult result, RuntimeException failure) {
        long expected = append.expectedHead() + append.batch().size();
        boolean ok = result instanceof AppendResult.Appended appended && appended.head() == expected;
        lane.execute(() -> onLane(append, ok, result, failure));
        boolean again;
        synchronized (this) {
            broken |= !ok;
            again = !broken && !pending.isEmpty();
            queued = again;
        }
        if (again) {
            rounds.queue(this);
        }
    }

    private void onLane(Append append, boolean ok, AppendResult result, RuntimeException failure) {
        List<StoredOperation> batch = append.batch();
        long expectedHead = append.expectedHead();
        long expected = expectedHead + batch.size();
        outstanding -= batch.size();
        if (ok) {
            durable = expected;
            outcome.committed(batch);
        } else if (failure != null) {
            outcome.failed("storing revisions " + expectedHead + " to " + (expected - 1) + " failed", failure);
        } else {
            // a single server is the only writer: another head means the log is not what memory says
            outcome.failed("storing revisions " + expectedHead + " to " + (expected - 1) + " found " + result, null);
        }
    }
}
