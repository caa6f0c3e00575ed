package dev.tandem.document;

import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.NamedVersion;
import dev.tandem.store.StoreException;
import dev.tandem.store.StoredOperation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link DocumentService}: documents are loaded on first use, each with its own lane over a
 * shared pool of lane threads; store calls run on a separate pool so that lanes never wait for
 * I/O; decided operations of all documents are written together by one {@link CommitRounds}; a sweeper unloads documents nobody has used for {@link DocumentSettings#idleUnload()}.
 *
 * <p>The service does not own the store: whoever built it closes it after {@link #close()}.
 */
public final class SharedDocumentService implements DocumentService {

    private static final Logger LOG = Logger.getLogger(SharedDocumentService.class.getName());

    private final DocumentStore store;
    private final DocumentSettings settings;
    private final Clock clock;
    private final ExecutorService lanePool;
    private final ExecutorService storePool;
    private final ScheduledExecutorService sweeper;
    private final History history;
    private final Versions versions;
    private final Comments comments;
    private final CommitRounds commitRounds;
    private final ConcurrentHashMap<String, LiveDocument> documents = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SharedDocumentService(DocumentStore store, DocumentSettings settings) {
        this(store, settings, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: it stamps operations and times idle unloading. */
    SharedDocumentService(DocumentStore store, DocumentSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.lanePool = Executors.newFixedThreadPool(settings.laneThreads(), named("tandem-lane"));
        this.storePool = Executors.newFixedThreadPool(settings.storeThreads(), named("tandem-store"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(named("tandem-idle"));
        this.history = new History(store, storePool);
        this.versions = new Versions(store, storePool, clock);
        this.comments = new Comments(store, history, storePool, clock);
        this.commitRounds = new CommitRounds(store, storePool);
        long period = Math.max(1_000, Math.min(settings.idleUnload().toMillis() / 2, 60_000));
        sweeper.scheduleWithFixedDelay(this::unloadIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public Participation join(String documentId, JoinRequest request, Participant participant) {
        Session session = new Session(request, participant);
        if (closed) {
            session.end(Participant.End.SHUTDOWN);
            return session;
        }
        AtomicBoolean created = new AtomicBoolean();
        // pinned inside compute: an idle unload (also inside compute) cannot take it from under this join
        LiveDocument document = documents.compute(documentId, (id, existing) -> {
            LiveDocument live = existing;
            if (live == null) {
                // the count may pass the ceiling by the joins racing here: a bound, not an exact one
                if (documents.size() >= settings.maxDocuments()) {
                    return null;
                }
                live = new LiveDocument(id, this);
                created.set(true);
            } else if (live.pins() >= settings.maxSessionsPerDocument()) {
                return live;
            }
            live.pin(session);
            return live;
        });
        if (document == null || !session.pinned) {
            LOG.fine(() -> "join of " + documentId + " refused: at capacity");
            session.end(Participant.End.CAPACITY);
            return session;
        }
        session.attach(document);
        try {
            if (created.get()) {
                document.load();
            }
            document.post(() -> document.join(session));
        } catch (RejectedExecutionException shuttingDown) {
            session.end(Participant.End.SHUTDOWN);
        }
        return session;
    }

    @Override
    public CompletionStage<Boolean> create(String documentId) {
        return history.create(documentId);
    }

    @Override
    public CompletionStage<Optional<DocumentState>> get(String documentId) {
        LiveDocument live = documents.get(documentId);
        if (live == null) {
            return history.get(documentId);
        }
        return live.state().thenCompose(state -> state.isPresent()
                ? CompletableFuture.completedFuture(state)
                : history.get(documentId));
    }

    @Override
    public CompletionStage<TextAtRevision> textAt(String documentId, long rev) {
        return history.textAt(documentId, rev);
    }

    @Override
    public CompletionStage<RevisionDiff> diff(String documentId, long from, long to) {
        return history.diff(documentId, from, to);
    }

    @Override
    public CompletionStage<Optional<List<NamedVersion>>> versions(String documentId) {
        return versions.list(documentId);
    }

    @Override
    public CompletionStage<VersionOutcome> nameVersion(String documentId, long rev, String name, String author) {
        return versions.name(documentId, rev, name, author);
    }

    @Override
    public CompletionStage<VersionOutcome> renameVersion(String documentId, long rev, String name) {
        return versions.rename(documentId, rev, name);
    }

    @Override
    public CompletionStage<VersionOutcome> deleteVersion(String documentId, long rev) {
        return versions.delete(documentId, rev);
    }

    @Override
    public CompletionStage<RestoreOutcome> restore(String documentId, long rev, String author) {
        // checked before joining, which would create a missing document
        return history.get(documentId).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new RestoreOutcome.NoSuchDocument());
            }
            if (rev < 0 || rev > found.get().rev()) {
                return CompletableFuture.completedFuture(new RestoreOutcome.UnknownRevision(found.get().rev()));
            }
            return Restore.start(this, history, documentId, rev, author);
        });
    }

    /**
     * Once {@code change} is done, tells the document's live participants how the thread is now
     * (or that it is gone), on the lane, in order with the operations. Completes with the
     * change's outcome; the announcement is not waited for.
     */
    private CompletionStage<CommentOutcome> announced(String documentId, String threadId, CompletionStage<CommentOutcome> change) {
        return change.thenApply(outcome -> {
            LiveDocument live = documents.get(documentId);
            if (outcome == CommentOutcome.DONE && threadId != null && live != null) {
                comments.threads(documentId).thenAccept(all -> all.ifPresent(threads -> {
                    AnchoredThread now = threads.stream().filter(t -> t.thread().id().equals(threadId)).findFirst().orElse(null);
                    long rev = threads.isEmpty() ? now == null ? -1 : now.rev() : threads.get(0).rev();
                    long at = now != null ? now.rev() : rev;
                    try {
                        live.post(() -> live.announceThread(at < 0 ? live.durable() : at, threadId, now));
                    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                        // nobody is left to tell
                    }
                }));
            }
            return outcome;
        });
    }

    @Override
    public CompletionStage<Optional<List<AnchoredThread>>> threads(String documentId) {
        return comments.threads(documentId);
    }

    @Override
    public CompletionStage<CommentOutcome> openThread(String documentId, String threadId, String commentId, long rev, int from, int to,
                                                      String text, String author, String src) {
        return announced(documentId, threadId, comments.open(documentId, threadId, commentId, rev, from, to, text, author, src));
    }

    @Override
    public CompletionStage<CommentOutcome> reply(String documentId, String threadId, String commentId, String text, String author, String src) {
        return announced(documentId, threadId, comments.reply(documentId, threadId, commentId, text, author, src));
    }

    @Override
    public CompletionStage<CommentOutcome> resolveThread(String documentId, String threadId, boolean resolved, String by) {
        return announced(documentId, threadId, comments.resolve(documentId, threadId, resolved, by));
    }

    @Override
    public CompletionStage<CommentOutcome> editComment(String documentId, String commentId, String text, String src) {
        return comments.threadOf(documentId, commentId).thenCompose(threadId ->
                announced(documentId, threadId, comments.edit(documentId, commentId, text, src)));
    }

    @Override
    public CompletionStage<CommentOutcome> deleteComment(String documentId, String commentId, String src) {
        return comments.threadOf(documentId, commentId).thenCompose(threadId ->
                announced(documentId, threadId, comments.delete(documentId, commentId, src)));
    }

    @Override
    public CompletionStage<List<StoredOperation>> operations(String documentId, long from, long to, int limit) {
        return history.operations(documentId, from, to, limit);
    }

    @Override
    public CompletionStage<Optional<String>> viewToken(String documentId) {
        return history.viewToken(documentId);
    }

    @Override
    public CompletionStage<Optional<String>> documentOfViewToken(String token) {
        return history.documentOfViewToken(token);
    }

    @Override
    public CompletionStage<List<DocumentSummary>> list(int limit) {
        return history.list(limit);
    }

    @Override
    public boolean isHealthy() {
        return !closed && store.isReachable();
    }

    /** How many documents are in memory (for metrics and tests). */
    public int loadedDocuments() {
        return documents.size();
    }

    /** Unloads every document idle for the configured time; completes with how many it unloaded. */
    CompletableFuture<Integer> unloadIdle() {
        Instant now = now();
        List<CompletableFuture<Boolean>> checks = new ArrayList<>();
        for (LiveDocument document : documents.values()) {
            try {
                checks.add(document.unloadIfIdle(now));
            } catch (RejectedExecutionException shuttingDown) {
                break;
            }
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> (int) checks.stream().filter(CompletableFuture::join).count());
    }

    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        // documents may still be created by joins that passed the check just before: go until none is left
        while (!documents.isEmpty()) {
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (LiveDocument document : documents.values()) {
                closing.add(document.close());
            }
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        }
        lanePool.shutdown();
        storePool.shutdown();
        try {
            if (!lanePool.awaitTermination(30, TimeUnit.SECONDS) || !storePool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("document service threads did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    DocumentStore store() {
        return store;
    }

    /**
     * Revisions {@code from <= rev < to} of a document's log from the store, all of them: a gap
     * means the store lost part of the log, a {@link StoreException}. Blocks: call it on the
     * store executor, never on a lane.
     */
    List<StoredOperation> readLog(String id, long from, long to) {
        List<StoredOperation> read = store.read(id, from, to);
        if (read.size() != to - from) {
            throw new StoreException("the log of " + id + " has " + read.size() + " operations in [" + from + ", " + to + ")");
        }
        return read;
    }

    DocumentSettings settings() {
        return settings;
    }

    ExecutorService lanePool() {
        return lanePool;
    }

    /** The writer that all documents' group commits share. */
    CommitRounds commitRounds() {
        return commitRounds;
    }

    ExecutorService storeExecutor() {
        return storePool;
    }

    Instant now() {
        return clock.instant();
    }

    /** Removes a document that failed or closed from the registry (a later join loads it anew). */
    void forget(LiveDocument document) {
        documents.remove(document.id, document);
    }

    /** Removes an idle document unless a join has pinned it meanwhile. */
    boolean forgetIfUnpinned(LiveDocument document) {
        AtomicBoolean removed = new AtomicBoolean();
        documents.computeIfPresent(document.id, (id, live) -> {
            if (live == document && !live.isPinned()) {
                removed.set(true);
                return null;
            }
            return live;
        });
        return removed.get();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "uncaught in " + t.getName(), e));
            return thread;
        };
    }
}
