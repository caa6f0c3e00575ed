package dev.tandem.web;

import dev.tandem.store.Append;
import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.Snapshot;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DocumentStore} that times its commits for {@link TandemMetrics}: how long each write
 * of decided operations takes, how many operations and documents it carries, and how many
 * operations became durable. Every other call goes straight through. Commits are where the
 * service's throughput is decided, and this way the document layer knows nothing of metrics.
 */
final class MeteredDocumentStore implements DocumentStore {

    private final DocumentStore store;
    private final TandemMetrics metrics;

    MeteredDocumentStore(DocumentStore store, TandemMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        long start = System.nanoTime();
        AppendResult result = store.append(id, expectedHead, batch, lengthAfter);
        metrics.committed(System.nanoTime() - start, 1, result instanceof AppendResult.Appended ? batch.size() : 0);
        return result;
    }

    @Override
    public List<AppendResult> appendAll(List<Append> appends) {
        long start = System.nanoTime();
        List<AppendResult> results = store.appendAll(appends);
        int durable = 0;
        for (int i = 0; i < appends.size(); i++) {
            if (results.get(i) instanceof AppendResult.Appended) {
                durable += appends.get(i).batch().size();
            }
        }
        metrics.committed(System.nanoTime() - start, appends.size(), durable);
        return results;
    }

    @Override
    public boolean create(String id) {
        return store.create(id);
    }

    @Override
    public Optional<StoredDocument> load(String id) {
        return store.load(id);
    }

    @Override
    public List<StoredOperation> read(String id, long from, long to) {
        return store.read(id, from, to);
    }

    @Override
    public Optional<StoredOperation> find(String id, String src, long seq) {
        return store.find(id, src, seq);
    }

    @Override
    public long lastSeq(String id, String src) {
        return store.lastSeq(id, src);
    }

    @Override
    public void saveSnapshot(String id, Snapshot snapshot) {
        store.saveSnapshot(id, snapshot);
    }

    @Override
    public Optional<Snapshot> snapshotAtOrBefore(String id, long rev) {
        return store.snapshotAtOrBefore(id, rev);
    }

    @Override
    public List<DocumentSummary> list(int limit) {
        return store.list(limit);
    }

    @Override
    public Optional<DocumentSummary> summary(String id) {
        return store.summary(id);
    }

    @Override
    public Optional<String> viewToken(String id) {
        return store.viewToken(id);
    }

    @Override
    public Optional<String> documentOfViewToken(String token) {
        return store.documentOfViewToken(token);
    }

    @Override
    public boolean isReachable() {
        return store.isReachable();
    }

    @Override
    public void close() {
        store.close();
    }
}
