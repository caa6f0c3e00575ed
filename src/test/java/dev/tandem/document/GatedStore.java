package dev.tandem.document;

import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
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

/** A store that tests can hold at an append, make fail, and count: wraps any store. */
final class GatedStore implements DocumentStore {

    private final DocumentStore delegate;
    private volatile CountDownLatch gate;
    private final Semaphore heldAppends = new Semaphore(0);
    private volatile RuntimeException nextFailure;
    private volatile AppendResult nextResult;
    final List<Long> snapshots = new ArrayList<>();
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    /** The {@code [from, to)} ranges of every {@link #read}, in order. */
    final List<long[]> reads = Collections.synchronizedList(new ArrayList<>());

    GatedStore(DocumentStore delegate) {
        this.delegate = delegate;
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
        return delegate.append(id, expectedHead, batch, lengthAfter);
    }

    @Override
    public boolean create(String id) {
        return delegate.create(id);
    }

    volatile boolean failLoads;

    @Override
    public Optional<StoredDocument> load(String id) {
        if (failLoads) {
            throw new dev.tandem.store.StoreException("database down");
        }
        return delegate.load(id);
    }

    @Override
    public List<StoredOperation> read(String id, long from, long to) {
        reads.add(new long[] {from, to});
        return delegate.read(id, from, to);
    }

    @Override
    public Optional<StoredOperation> find(String id, String src, long seq) {
        return delegate.find(id, src, seq);
    }

    @Override
    public long lastSeq(String id, String src) {
        return delegate.lastSeq(id, src);
    }

    @Override
    public void saveSnapshot(String id, Snapshot snapshot) {
        delegate.saveSnapshot(id, snapshot);
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

    @Override
    public Optional<Snapshot> snapshotAtOrBefore(String id, long rev) {
        return delegate.snapshotAtOrBefore(id, rev);
    }

    @Override
    public List<DocumentSummary> list(int limit) {
        return delegate.list(limit);
    }

    @Override
    public Optional<DocumentSummary> summary(String id) {
        return delegate.summary(id);
    }

    @Override
    public boolean isReachable() {
        return delegate.isReachable();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Optional<String> viewToken(String id) {
        return delegate.viewToken(id);
    }

    @Override
    public Optional<String> documentOfViewToken(String token) {
        return delegate.documentOfViewToken(token);
    }

    @Override
    public boolean nameVersion(String id, dev.tandem.store.NamedVersion version) {
        return delegate.nameVersion(id, version);
    }

    @Override
    public List<dev.tandem.store.NamedVersion> versions(String id) {
        return delegate.versions(id);
    }

    @Override
    public boolean renameVersion(String id, long rev, String name) {
        return delegate.renameVersion(id, rev, name);
    }

    @Override
    public boolean deleteVersion(String id, long rev) {
        return delegate.deleteVersion(id, rev);
    }

    @Override
    public boolean openThread(String id, dev.tandem.store.CommentThread thread) {
        return delegate.openThread(id, thread);
    }

    @Override
    public boolean addComment(String id, dev.tandem.store.Comment comment) {
        return delegate.addComment(id, comment);
    }

    @Override
    public List<dev.tandem.store.CommentThread> threads(String id) {
        return delegate.threads(id);
    }

    @Override
    public boolean resolveThread(String id, String thread, boolean resolved, String by) {
        return delegate.resolveThread(id, thread, resolved, by);
    }

    @Override
    public boolean editComment(String id, String comment, String text, java.time.Instant edited) {
        return delegate.editComment(id, comment, text, edited);
    }

    @Override
    public boolean deleteComment(String id, String comment) {
        return delegate.deleteComment(id, comment);
    }
}
