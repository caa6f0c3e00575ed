package dev.tandem.document;

import dev.tandem.ot.DocumentText;
import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.Snapshot;
import dev.tandem.store.StoreException;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A document loaded in memory, with its lane: its text at the lane's head and at the durable
 * head, its recent operations, its sessions and their presence. Operations are decided by the
 * {@link Sequencer}, written by the {@link GroupCommit}, and sent to every session in revision
 * order once durable ({@link #pump}).
 *
 * <p>Threading: {@link #post}, {@link #pin} and the future-returning methods may be called from
 * any thread; every other method runs on the lane.
 */
final class LiveDocument {

    private static final Logger LOG = Logger.getLogger(LiveDocument.class.getName());

    /**
     * LOADING: tasks wait until the store has answered. READY: working. CLOSING: the service is
     * shutting down; what was decided is still committed and acknowledged, nothing new is taken.
     * CLOSED, FAILED, UNLOADED: gone from the registry, sessions ended; late tasks find it so.
     */
    enum State { LOADING, READY, CLOSING, CLOSED, FAILED, UNLOADED }

    final String id;
    final SerialLane lane;
    final SharedDocumentService service;
    private final AtomicInteger pins = new AtomicInteger();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Sequencer sequencer = new Sequencer(this);
    private final CatchUp catchUp = new CatchUp(this);
    private final Membership membership = new Membership(this);
    final Presence presence = new Presence();
    /** The highest seq applied per src: from the store when a src joins, then from what the lane decides. */
    final Map<String, Long> lastSeq = new HashMap<>();

    State state = State.LOADING;
    private List<Runnable> deferred = new ArrayList<>();
    /** The text at the lane's head, which incoming operations are checked against. */
    DocumentText headText;
    /** The text at the durable head: what welcomes and reads show, never ahead of the store. */
    private DocumentText durableText;
    RecentLog log;
    GroupCommit commit;
    private boolean flushScheduled;
    Instant idleSince;

    LiveDocument(String id, SharedDocumentService service) {
        this.id = id;
        this.service = service;
        this.lane = new SerialLane(service.lanePool());
    }

    /** Runs {@code task} on the lane once the document is loaded (or failed to load). */
    void post(Runnable task) {
        lane.execute(() -> {
            if (state == State.LOADING) {
                deferred.add(task);
            } else {
                task.run();
            }
        });
    }

    /** Holds the document in memory for a joining session; the session releases it when it ends. */
    void pin(Session session) {
        pins.incrementAndGet();
        session.pinned = true;
    }

    boolean isPinned() {
        return pins.get() > 0;
    }

    /** Sessions holding the document: joined, or joining. */
    int pins() {
        return pins.get();
    }

    long durable() {
        return commit.durable();
    }

    /** The text at the durable head: what welcomes and reads show. */
    String durableText() {
        return durableText.toString();
    }

    void load() {
        service.storeExecutor().execute(() -> {
            StoredDocument stored = null;
            RuntimeException failure = null;
            try {
                stored = service.store().load(id).orElse(null);
                if (stored == null) {
                    service.store().create(id);
                    stored = service.store().load(id)
                            .orElseThrow(() -> new StoreException("document " + id + " is missing right after it was created"));
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            StoredDocument loaded = stored;
            RuntimeException error = failure;
            lane.execute(() -> loaded(loaded, error));
        });
    }

    private void loaded(StoredDocument stored, RuntimeException failure) {
        if (failure != null) {
            fail("loading failed", failure);
        } else {
            String text = stored.snapshot().text();
            for (StoredOperation operation : stored.tail()) {
                text = operation.operation().apply(text);
            }
            headText = new DocumentText(text);
            durableText = new DocumentText(text);
            List<StoredOperation> tail = stored.tail();
            int keep = Math.min(tail.size(), service.settings().recentOperations());
            log = new RecentLog(stored.head() - keep);
            tail.subList(tail.size() - keep, tail.size()).forEach(log::add);
            log.dropBefore(log.startWithin(service.settings().recentBytes())); // all of it is durable
            commit = new GroupCommit(id, stored.head(), service.commitRounds(), lane, service.settings().maxBatch(), new Committed());
            if (tail.size() >= service.settings().snapshotEvery()) {
                saveSnapshot(new Snapshot(stored.head(), text)); // the last one was lost: keep replays bounded
            }
            idleSince = service.now();
            state = State.READY;
        }
        List<Runnable> waiting = deferred;
        deferred = null;
        waiting.forEach(Runnable::run);
    }

    void join(Session session) {
        membership.join(session);
    }

    /**
     * On the lane: tells every welcomed session that a thread changed, with its anchor (known at
     * revision {@code rev}) moved through the recent log to the revision the session is at, so
     * that it arrives in order with the operations. A session that is catching up from before
     * {@code rev}, or a {@code rev} already gone from the recent log, is not told: the thread is
     * read from the HTTP API like every other (a notice, not the record).
     *
     * @param anchored the thread at {@code rev}, or {@code null} when it was deleted
     */
    void announceThread(long rev, String id, AnchoredThread anchored) {
        for (Session session : presence.sessions()) {
            if (!session.welcomed || session.fetching || session.nextRev < rev || rev < log.start() || session.nextRev > log.head()) {
                continue;
            }
            AnchoredThread moved = anchored;
            if (anchored != null) {
                dev.tandem.ot.Anchor anchor = anchored.anchor();
                for (long r = rev; r < session.nextRev; r++) {
                    anchor = anchor.transform(log.get(r).operation());
                }
                moved = new AnchoredThread(anchored.thread(), session.nextRev, anchor);
            }
            session.threadChanged(new ThreadEvent(session.nextRev, id, moved));
        }
    }

    void submit(Session session, long rev, long seq, TextOperation operation) {
        sequencer.submit(session, rev, seq, operation);
    }

    void select(Session session, long rev, List<Range> ranges) {
        membership.select(session, rev, ranges);
    }

    void leave(Session session) {
        membership.leave(session);
    }

    void dropSession(Session session, Participant.End reason) {
        membership.drop(session, reason);
    }

    /** Takes a decided operation: applied to the head text now, sent to anyone once it is durable. */
    void decide(Session author, long seq, TextOperation operation) {
        StoredOperation stored = new StoredOperation(log.head(), operation, author.src, seq, author.client, author.name,
                service.now().truncatedTo(ChronoUnit.MICROS)); // what the databases keep, so memory and store agree
        headText.apply(operation);
        log.add(stored);
        lastSeq.put(author.src, seq);
        commit.add(stored);
        if (!flushScheduled) {
            // after the tasks already queued, so that what arrived together is written together
            flushScheduled = true;
            lane.execute(() -> {
                flushScheduled = false;
                if (state == State.READY || state == State.CLOSING) {
                    commit.flush();
                }
            });
        }
    }

    /** Sends {@code session} every durable revision it has not had, in order. */
    void pump(Session session) {
        catchUp.pump(session);
    }

    private final class Committed implements GroupCommit.Outcome {
        @Override
        public void committed(List<StoredOperation> batch) {
            int every = service.settings().snapshotEvery();
            for (StoredOperation operation : batch) {
                durableText.apply(operation.operation());
                if ((operation.rev() + 1) % every == 0) {
                    saveSnapshot(new Snapshot(operation.rev() + 1, durableText.toString()));
                }
            }
            for (Session session : presence.sessions()) {
                pump(session);
            }
            DocumentSettings settings = service.settings();
            long keepFrom = Math.max(log.head() - settings.recentOperations(), log.startWithin(settings.recentBytes()));
            long forgetBefore = Math.min(durable(), keepFrom);
            if (forgetBefore > log.start()) {
                presence.beforeForgetting(forgetBefore, log);
                log.dropBefore(forgetBefore);
            }
            if (state == State.CLOSING && commit.isIdle()) {
                finishClosing();
            }
        }

        @Override
        public void failed(String reason, Throwable cause) {
            fail(reason, cause);
        }
    }

    private void saveSnapshot(Snapshot snapshot) {
        service.storeExecutor().execute(() -> {
            try {
                service.store().saveSnapshot(id, snapshot);
            } catch (RuntimeException e) {
                // only an optimisation: the log alone still gives every text, with a longer replay
                LOG.log(Level.WARNING, "document " + id + ": saving the snapshot at " + snapshot.rev() + " failed", e);
            }
        });
    }

    /**
     * Unacknowledged operations may be lost (or stored without our knowing): memory no longer
     * matches the store. Dropping the document and ending its sessions makes every client resume
     * from what is durable and resend what was not acknowledged, which src+seq makes exactly-once.
     */
    void fail(String reason, Throwable cause) {
        LOG.log(Level.SEVERE, "document " + id + ": " + reason + "; unloading it so that its clients resume", cause);
        state = State.FAILED;
        endAll(Participant.End.FAILURE);
    }

    CompletableFuture<Void> close() {
        post(() -> {
            if (state == State.READY) {
                state = State.CLOSING;
                if (commit.isIdle()) {
                    finishClosing();
                }
            } else if (state != State.CLOSING) {
                closed.complete(null);
            }
        });
        return closed;
    }

    private void finishClosing() {
        state = State.CLOSED;
        endAll(Participant.End.SHUTDOWN);
    }

    private void endAll(Participant.End reason) {
        service.forget(this); // first: a client told to resume must find the document gone
        for (Session session : presence.sessions()) {
            dropSession(session, reason);
        }
        closed.complete(null);
    }

    /** Unloads the document if nobody has used it for the idle time; completes with whether it did. */
    CompletableFuture<Boolean> unloadIfIdle(Instant now) {
        CompletableFuture<Boolean> unloaded = new CompletableFuture<>();
        post(() -> {
            boolean idle = state == State.READY && presence.isEmpty() && commit.isIdle() && idleSince != null
                    && !now.isBefore(idleSince.plus(service.settings().idleUnload()))
                    && service.forgetIfUnpinned(this);
            if (idle) {
                state = State.UNLOADED;
            }
            unloaded.complete(idle);
        });
        return unloaded;
    }

    /** The document at its durable head, or empty if it is no longer loaded (the caller asks the store). */
    CompletableFuture<Optional<DocumentState>> state() {
        CompletableFuture<Optional<DocumentState>> answer = new CompletableFuture<>();
        post(() -> answer.complete(state == State.READY || state == State.CLOSING
                ? Optional.of(new DocumentState(id, durable(), durableText.toString()))
                : Optional.empty()));
        return answer;
    }

    void unpin(Session session) {
        if (session.pinned) {
            session.pinned = false;
            pins.decrementAndGet();
        }
        if (presence.isEmpty() && idleSince == null) {
            idleSince = service.now();
        }
    }
}
