package dev.tandem.document;

import dev.tandem.store.AppendResult;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.Snapshot;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A stand-in store until the store branch's InMemoryDocumentStore is merged. */
final class MemoryStore implements DocumentStore {

    private static final class Doc {
        final List<StoredOperation> log = new ArrayList<>();
        final TreeMap<Long, String> snapshots = new TreeMap<>(Map.of(0L, ""));
        int length;
        Instant updated = Instant.now();
    }

    private final Map<String, Doc> docs = new HashMap<>();

    @Override
    public synchronized boolean create(String id) {
        return docs.putIfAbsent(id, new Doc()) == null;
    }

    @Override
    public synchronized Optional<StoredDocument> load(String id) {
        Doc doc = docs.get(id);
        if (doc == null) {
            return Optional.empty();
        }
        Map.Entry<Long, String> snapshot = doc.snapshots.floorEntry((long) doc.log.size());
        return Optional.of(new StoredDocument(id, new Snapshot(snapshot.getKey(), snapshot.getValue()),
                List.copyOf(doc.log.subList(snapshot.getKey().intValue(), doc.log.size()))));
    }

    @Override
    public synchronized AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        Doc doc = docs.get(id);
        if (doc == null && expectedHead == 0) {
            doc = new Doc();
            docs.put(id, doc);
        }
        long head = doc == null ? 0 : doc.log.size();
        if (doc == null || head != expectedHead) {
            return new AppendResult.Conflict(head);
        }
        doc.log.addAll(batch);
        doc.length = lengthAfter;
        doc.updated = Instant.now();
        return new AppendResult.Appended(doc.log.size());
    }

    @Override
    public synchronized List<StoredOperation> read(String id, long from, long to) {
        Doc doc = docs.get(id);
        if (doc == null) {
            return List.of();
        }
        int end = (int) Math.min(to, doc.log.size());
        int start = (int) Math.max(0, Math.min(from, end));
        return List.copyOf(doc.log.subList(start, end));
    }

    @Override
    public synchronized Optional<StoredOperation> find(String id, String src, long seq) {
        Doc doc = docs.get(id);
        return doc == null ? Optional.empty()
                : doc.log.stream().filter(o -> o.src().equals(src) && o.seq() == seq).findFirst();
    }

    @Override
    public synchronized long lastSeq(String id, String src) {
        Doc doc = docs.get(id);
        return doc == null ? -1 : doc.log.stream().filter(o -> o.src().equals(src)).mapToLong(StoredOperation::seq).max().orElse(-1);
    }

    @Override
    public synchronized void saveSnapshot(String id, Snapshot snapshot) {
        docs.get(id).snapshots.putIfAbsent(snapshot.rev(), snapshot.text());
    }

    @Override
    public synchronized Optional<Snapshot> snapshotAtOrBefore(String id, long rev) {
        Doc doc = docs.get(id);
        if (doc == null) {
            return Optional.empty();
        }
        Map.Entry<Long, String> entry = doc.snapshots.floorEntry(rev);
        return Optional.of(new Snapshot(entry.getKey(), entry.getValue()));
    }

    @Override
    public synchronized List<DocumentSummary> list(int limit) {
        return docs.entrySet().stream()
                .map(e -> new DocumentSummary(e.getKey(), e.getValue().log.size(), e.getValue().length, e.getValue().updated))
                .sorted(Comparator.comparing(DocumentSummary::updated).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<DocumentSummary> summary(String id) {
        Doc doc = docs.get(id);
        return doc == null ? Optional.empty() : Optional.of(new DocumentSummary(id, doc.log.size(), doc.length, doc.updated));
    }

    @Override
    public boolean isReachable() {
        return true;
    }

    @Override
    public void close() {
    }
}
