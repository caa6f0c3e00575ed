package dev.tandem.web;

import dev.tandem.store.Append;
import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.ForwardingDocumentStore;
import dev.tandem.store.StoredOperation;
import java.util.List;

/**
 * A {@link DocumentStore} that times its commits for {@link TandemMetrics}: how long each write
 * of decided operations takes, how many operations and documents it carries, and how many
 * operations became durable. Every other call goes straight through. Commits are where the
 * service's throughput is decided, and this way the document layer knows nothing of metrics.
 */
final class MeteredDocumentStore extends ForwardingDocumentStore {

    private final TandemMetrics metrics;

    MeteredDocumentStore(DocumentStore store, TandemMetrics metrics) {
        super(store);
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
}
