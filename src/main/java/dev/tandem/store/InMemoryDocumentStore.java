package dev.tandem.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link DocumentStore} in memory, for tests and as the reference semantics that the JDBC store
 * must match (both run the same contract test). Nothing survives {@link #close()}.
 *
 * <p>Threading: each document is guarded by its own monitor, so appends to different documents
 * proceed in parallel and appends to one document are serialised.
 */
public final class InMemoryDocumentStore implements DocumentStore {

    private final ConcurrentHashMap<String, Entry> documents = new ConcurrentHashMap<>();
    /** Read-only link token to document id. */
    private final ConcurrentHashMap<String, String> viewLinks = new ConcurrentHashMap<>();
    /** Document id to its named versions by revision (apart from the log, which names never touch). */
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, NamedVersion>> versions = new ConcurrentHashMap<>();
    /** Document id to its threads by id, in the order opened; each map is guarded by its own monitor. */
    private final ConcurrentHashMap<String, Map<String, CommentThread>> threads = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AccessStore access = new InMemoryAccessStore(this);

    public InMemoryDocumentStore() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of creation times */
    public InMemoryDocumentStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean create(String id) {
        Instant now = CallerContract.truncate(clock.instant());
        Entry fresh = new Entry(id, now);
        fresh.viewToken = ViewTokens.fresh();
        if (documents.putIfAbsent(id, fresh) != null) {
            return false;
        }
        viewLinks.put(fresh.viewToken, id);
        return true;
    }

    @Override
    public AccessStore access() {
        return access;
    }

    @Override
    public Optional<String> viewToken(String id) {
        Entry entry = documents.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            if (entry.viewToken == null) {
                entry.viewToken = ViewTokens.fresh();
                viewLinks.put(entry.viewToken, id);
            }
            return Optional.of(entry.viewToken);
        }
    }

    @Override
    public boolean nameVersion(String id, NamedVersion version) {
        NamedVersion cut = CallerContract.checkVersion(id, version);
        // heads only grow, so a revision at most the head now stays in the log
        CallerContract.checkNamedRevision(id, version.rev(), summary(id).map(DocumentSummary::rev));
        return versions.computeIfAbsent(id, any -> new ConcurrentSkipListMap<>()).putIfAbsent(version.rev(), cut) == null;
    }

    @Override
    public List<NamedVersion> versions(String id) {
        ConcurrentSkipListMap<Long, NamedVersion> named = versions.get(id);
        return named == null ? List.of() : List.copyOf(named.values());
    }

    @Override
    public boolean renameVersion(String id, long rev, String name) {
        ConcurrentSkipListMap<Long, NamedVersion> named = versions.get(id);
        return named != null && named.computeIfPresent(rev, (r, v) -> new NamedVersion(r, name, v.author(), v.created())) != null;
    }

    @Override
    public boolean deleteVersion(String id, long rev) {
        ConcurrentSkipListMap<Long, NamedVersion> named = versions.get(id);
        return named != null && named.remove(rev) != null;
    }

    @Override
    public boolean openThread(String id, CommentThread thread) {
        CommentThread cut = CallerContract.checkThread(id, thread);
        CallerContract.checkNamedRevision(id, thread.rev(), summary(id).map(DocumentSummary::rev));
        Map<String, CommentThread> all = threads.computeIfAbsent(id, any -> new java.util.LinkedHashMap<>());
        synchronized (all) {
            if (all.containsKey(thread.id()) || commentIn(all, cut.comments().get(0).id()) != null) {
                return false;
            }
            all.put(thread.id(), cut);
            return true;
        }
    }

    @Override
    public boolean addComment(String id, Comment comment) {
        Comment cut = CallerContract.checkComment(comment);
        Map<String, CommentThread> all = threads.getOrDefault(id, Map.of());
        synchronized (all) {
            if (commentIn(all, comment.id()) != null) {
                return false;
            }
            CommentThread thread = all.get(comment.thread());
            if (thread == null) {
                throw new IllegalArgumentException("no thread " + comment.thread() + " in '" + id + "' to reply to");
            }
            List<Comment> comments = new ArrayList<>(thread.comments());
            comments.add(cut);
            all.put(thread.id(), thread.withComments(comments));
            return true;
        }
    }

    @Override
    public List<CommentThread> threads(String id) {
        Map<String, CommentThread> all = threads.getOrDefault(id, Map.of());
        synchronized (all) {
            return List.copyOf(all.values());
        }
    }

    @Override
    public boolean resolveThread(String id, String thread, boolean resolved, String by) {
        Map<String, CommentThread> all = threads.getOrDefault(id, Map.of());
        synchronized (all) {
            CommentThread found = all.get(thread);
            if (found != null) {
                all.put(thread, found.withResolved(resolved, by));
            }
            return found != null;
        }
    }

    @Override
    public boolean editComment(String id, String comment, String text, Instant edited) {
        return changeComment(id, comment, c -> new Comment(c.id(), c.thread(), c.src(), c.author(), text, c.created(),
                CallerContract.truncate(edited)));
    }

    @Override
    public boolean deleteComment(String id, String comment) {
        return changeComment(id, comment, c -> null);
    }

    /** Replaces a comment by what {@code change} makes of it ({@code null}: removes it, and an emptied thread). */
    private boolean changeComment(String id, String comment, java.util.function.UnaryOperator<Comment> change) {
        Map<String, CommentThread> all = threads.getOrDefault(id, Map.of());
        synchronized (all) {
            Comment found = commentIn(all, comment);
            if (found == null) {
                return false;
            }
            CommentThread thread = all.get(found.thread());
            List<Comment> comments = new ArrayList<>();
            for (Comment c : thread.comments()) {
                Comment kept = c.id().equals(comment) ? change.apply(c) : c;
                if (kept != null) {
                    comments.add(kept);
                }
            }
            if (comments.isEmpty()) {
                all.remove(thread.id());
            } else {
                all.put(thread.id(), thread.withComments(comments));
            }
            return true;
        }
    }

    private static Comment commentIn(Map<String, CommentThread> all, String comment) {
        for (CommentThread thread : all.values()) {
            for (Comment c : thread.comments()) {
                if (c.id().equals(comment)) {
                    return c;
                }
            }
        }
        return null;
    }

    @Override
    public Optional<String> documentOfViewToken(String token) {
        return Optional.ofNullable(viewLinks.get(token));
    }

    @Override
    public Optional<StoredDocument> load(String id) {
        Entry entry = documents.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            Snapshot newest = entry.snapshotAtOrBefore(entry.log.size());
            return Optional.of(new StoredDocument(id, newest, List.copyOf(entry.log.subList((int) newest.rev(), entry.log.size()))));
        }
    }

    @Override
    public AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        List<StoredOperation> checked = CallerContract.check(id, expectedHead, batch, lengthAfter);
        Entry entry = documents.get(id);
        if (entry == null) {
            if (expectedHead != 0) {
                return new AppendResult.Conflict(0);
            }
            // filled before it is published, so a batch that fails its checks leaves no document behind
            Entry fresh = new Entry(id, checked.get(checked.size() - 1).time());
            AppendResult result;
            synchronized (fresh) {
                result = fresh.append(expectedHead, checked, lengthAfter);
            }
            if (documents.putIfAbsent(id, fresh) == null) {
                return result;
            }
            entry = documents.get(id);
        }
        synchronized (entry) {
            return entry.append(expectedHead, checked, lengthAfter);
        }
    }

    @Override
    public List<StoredOperation> read(String id, long from, long to) {
        CallerContract.checkRange(from, to);
        Entry entry = documents.get(id);
        if (entry == null || to <= from) {
            return List.of();
        }
        synchronized (entry) {
            int size = entry.log.size();
            int start = (int) Math.min(from, size);
            int end = (int) Math.min(to, size);
            return List.copyOf(entry.log.subList(start, end));
        }
    }

    @Override
    public Optional<StoredOperation> find(String id, String src, long seq) {
        Entry entry = documents.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            NavigableMap<Long, StoredOperation> bySeq = entry.bySrc.get(src);
            return Optional.ofNullable(bySeq == null ? null : bySeq.get(seq));
        }
    }

    @Override
    public long lastSeq(String id, String src) {
        Entry entry = documents.get(id);
        if (entry == null) {
            return -1;
        }
        synchronized (entry) {
            NavigableMap<Long, StoredOperation> bySeq = entry.bySrc.get(src);
            return bySeq == null ? -1 : bySeq.lastKey();
        }
    }

    @Override
    public void saveSnapshot(String id, Snapshot snapshot) {
        Entry entry = documents.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("no document '" + id + "' to keep a snapshot of (at rev " + snapshot.rev() + ")");
        }
        synchronized (entry) {
            CallerContract.checkSnapshot(id, snapshot, entry.log.size());
            entry.snapshots.putIfAbsent(snapshot.rev(), snapshot.text());
        }
    }

    @Override
    public Optional<Snapshot> snapshotAtOrBefore(String id, long rev) {
        Entry entry = documents.get(id);
        if (entry == null || rev < 0) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.snapshotAtOrBefore(rev));
        }
    }

    @Override
    public List<DocumentSummary> list(int limit) {
        CallerContract.checkLimit(limit);
        List<DocumentSummary> all = new ArrayList<>();
        for (Entry entry : documents.values()) {
            synchronized (entry) {
                all.add(entry.summary());
            }
        }
        all.sort(Comparator.comparing(DocumentSummary::updated).reversed().thenComparing(DocumentSummary::id));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public Optional<DocumentSummary> summary(String id) {
        Entry entry = documents.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.summary());
        }
    }

    @Override
    public boolean isReachable() {
        return true;
    }

    @Override
    public void close() {
        documents.clear();
        viewLinks.clear();
    }

    /** One document; every field is guarded by the entry's monitor. */
    private static final class Entry {
        final String id;
        final List<StoredOperation> log = new ArrayList<>();
        final NavigableMap<Long, String> snapshots = new TreeMap<>();
        final Map<String, NavigableMap<Long, StoredOperation>> bySrc = new HashMap<>();
        int length;
        Instant updated;
        String viewToken;

        Entry(String id, Instant created) {
            this.id = id;
            this.updated = created;
        }

        AppendResult append(long expectedHead, List<StoredOperation> batch, int lengthAfter) {
            if (log.size() != expectedHead) {
                return new AppendResult.Conflict(log.size());
            }
            for (StoredOperation operation : batch) {
                NavigableMap<Long, StoredOperation> bySeq = bySrc.get(operation.src());
                if (bySeq == null || bySeq.lastKey() < operation.seq()) {
                    continue;
                }
                StoredOperation earlier = bySeq.get(operation.seq());
                throw earlier != null
                        ? CallerContract.alreadyApplied(id, operation, earlier.rev())
                        : CallerContract.notAbove(id, operation, bySeq.lastKey());
            }
            for (StoredOperation operation : batch) {
                log.add(operation);
                bySrc.computeIfAbsent(operation.src(), src -> new TreeMap<>()).put(operation.seq(), operation);
            }
            length = lengthAfter;
            updated = batch.get(batch.size() - 1).time();
            return new AppendResult.Appended(log.size());
        }

        Snapshot snapshotAtOrBefore(long rev) {
            Map.Entry<Long, String> floor = snapshots.floorEntry(rev);
            return floor == null ? new Snapshot(0, "") : new Snapshot(floor.getKey(), floor.getValue());
        }

        DocumentSummary summary() {
            return new DocumentSummary(id, log.size(), length, updated);
        }
    }
}
