package dev.tandem.document;

import dev.tandem.store.Append;
import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.ForwardingDocumentStore;
import dev.tandem.store.Snapshot;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A store that tests can hold at an append, make fail, and count: wraps any store, forwarding the rest. */
final class GatedStore extends ForwardingDocumentStore {

    private volatile CountDownLatch gate;
    private final Semaphore heldAppends = new Semaphore(0);
    private volatile RuntimeException nextFailure;
    private volatile AppendResult nextResult;
    final List<Long> snapshots = new ArrayList<>();
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    /** The {@code [from, to)} ranges of every {@link #read}, in order. */
    final List<long[]> reads = Collections.synchronizedList(new ArrayList<>());

    GatedStore(DocumentStore delegate) {
        super(delegate);
    }

    /** Appends from now on wait at the gate until {@link #release}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch open = gate;
        gate = null;
        if (open != null) {
            open.countDown();
        }
    }

    /** Waits until an append is held at the gate. */
    void awaitHeldAppend() throws InterruptedException {
        if (!heldAppends.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no append reached the store");
        }
    }

    void failNextAppend(RuntimeException failure) {
        nextFailure = failure;
    }

    void answerNextAppend(AppendResult result) {
        nextResult = result;
    }

    /** Each append through the gate, one at a time (the wrapped store would write them as one). */
    @Override
    public List<AppendResult> appendAll(List<Append> appends) {
        return appends.stream().map(a -> append(a.id(), a.expectedHead(), a.batch(), a.lengthAfter())).toList();
    }

    @Override
    public AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        CountDownLatch closed = gate;
        if (closed != null) {
            heldAppends.release();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
        AppendResult answer = nextResult;
        if (answer != null) {
            nextResult = null;
            return answer;
        }
        batchSizes.add(batch.size());
        return store.append(id, expectedHead, batch, lengthAfter);
    }

    volatile boolean failLoads;

    @Override
    public Optional<StoredDocument> load(String id) {
        if (failLoads) {
            throw new dev.tandem.store.StoreException("database down");
        }
        return store.load(id);
    }

    @Override
    public List<StoredOperation> read(String id, long from, long to) {
        reads.add(new long[] {from, to});
        return store.read(id, from, to);
    }

    @Override
    public void saveSnapshot(String id, Snapshot snapshot) {
        store.saveSnapshot(id, snapshot);
        synchronized (snapshots) {
            snapshots.add(snapshot.rev());
            snapshots.notifyAll();
        }
    }

    /** Waits until the snapshot at {@code rev} has been saved. */
    void awaitSnapshot(long rev) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        synchronized (snapshots) {
            while (!snapshots.contains(rev)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no snapshot at " + rev + "; saved: " + snapshots);
                }
                snapshots.wait(left);
            }
        }
    }

}
