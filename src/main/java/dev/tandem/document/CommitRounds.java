package dev.tandem.document;

import dev.tandem.store.Append;
import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service's writer of decided operations, shared by all documents: a document with
 * operations waiting queues its {@link GroupCommit} here, and a round takes every queued
 * document's batch and writes them all with one {@link DocumentStore#appendAll}, so that many
 * documents share one commit. While a round is written the next one collects. Each document's
 * outcome goes back to its {@code GroupCommit}, which hands it to the document's lane.
 *
 * <p>One round is written at a time: an embedded database writes one commit at a time anyway,
 * and a single round keeps the most documents in each commit. A round that ends
 * with documents queued again starts the next one on the same thread, without a trip through
 * any lane. A document is in at most one round at a time, so its batches are written in order.
 *
 * <p>Threading: {@link #queue} may be called from any thread; rounds run on the store executor.
 */
final class CommitRounds {

    private final DocumentStore store;
    private final Executor storeExecutor;
    private final Queue<GroupCommit> queued = new ConcurrentLinkedQueue<>();
    /** Whether a round is being written (it starts the next one when it ends). */
    private final AtomicBoolean writing = new AtomicBoolean();

    CommitRounds(DocumentStore store, Executor storeExecutor) {
        this.store = store;
        this.storeExecutor = storeExecutor;
    }

    /** Puts {@code commit} into the next round; the caller queues each document at most once until it is written. */
    void queue(GroupCommit commit) {
        queued.add(commit); // before the check, so a round that is ending finds it if this call does not start one
        startRound();
    }

    private void startRound() {
        // when a round is running, it finds what was queued before it ends, or starts the next one
        if (!queued.isEmpty() && writing.compareAndSet(false, true)) {
            storeExecutor.execute(this::writeRounds);
        }
    }

    private void writeRounds() {
        try {
            do {
                writeRound();
            } while (!queued.isEmpty());
        } finally {
            writing.set(false);
            startRound(); // for what was queued between the last look and the decrement
        }
    }

    private void writeRound() {
        List<GroupCommit> commits = new ArrayList<>();
        List<Append> appends = new ArrayList<>();
        for (GroupCommit commit = queued.poll(); commit != null; commit = queued.poll()) {
            Append append = commit.take();
            if (append != null) {
                commits.add(commit);
                appends.add(append);
            }
        }
        if (appends.isEmpty()) {
            return;
        }
        List<AppendResult> results = null;
        RuntimeException failure = null;
        try {
            results = store.appendAll(appends);
        } catch (RuntimeException e) {
            failure = e; // every document of the round: its outcome is unknown
        }
        for (int i = 0; i < commits.size(); i++) {
            commits.get(i).written(appends.get(i), results == null ? null : results.get(i), failure);
        }
    }
}
