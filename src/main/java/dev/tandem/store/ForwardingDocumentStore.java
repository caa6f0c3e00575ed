package dev.tandem.store;

import java.util.List;
import java.util.Optional;

/**
 * A {@link DocumentStore} that passes every call to another one: the base of decorators that
 * change a few calls (timing commits for metrics; gating them in tests) and leave the rest alone.
 */
public abstract class ForwardingDocumentStore implements DocumentStore {

    protected final DocumentStore store;

    protected ForwardingDocumentStore(DocumentStore store) {
        this.store = store;
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
    public AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        return store.append(id, expectedHead, batch, lengthAfter);
    }

    @Override
    public List<AppendResult> appendAll(List<Append> appends) {
        return store.appendAll(appends);
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
    public AccessStore access() {
        return store.access();
    }

    @Override
    public boolean isReachable() {
        return store.isReachable();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public boolean nameVersion(String id, NamedVersion version) {
        return store.nameVersion(id, version);
    }

    @Override
    public List<NamedVersion> versions(String id) {
        return store.versions(id);
    }

    @Override
    public boolean renameVersion(String id, long rev, String name) {
        return store.renameVersion(id, rev, name);
    }

    @Override
    public boolean deleteVersion(String id, long rev) {
        return store.deleteVersion(id, rev);
    }

    @Override
    public boolean openThread(String id, CommentThread thread) {
        return store.openThread(id, thread);
    }

    @Override
    public boolean addComment(String id, Comment comment) {
        return store.addComment(id, comment);
    }

    @Override
    public List<CommentThread> threads(String id) {
        return store.threads(id);
    }

    @Override
    public boolean resolveThread(String id, String thread, boolean resolved, String by) {
        return store.resolveThread(id, thread, resolved, by);
    }

    @Override
    public boolean editComment(String id, String comment, String text, java.time.Instant edited) {
        return store.editComment(id, comment, text, edited);
    }

    @Override
    public boolean deleteComment(String id, String comment) {
        return store.deleteComment(id, comment);
    }
}
