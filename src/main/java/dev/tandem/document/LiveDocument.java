package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.Snapshot;
import dev.tandem.store.StoreException;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import java.time.Instant;
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

    /** The most operations one catch-up read asks the store for. */
    private static final int CATCH_UP_READ = 10_000;

    enum State { LOADING, READY, CLOSING, CLOSED, FAILED, UNLOADED }

    final String id;
    final SerialLane lane;
    final SharedDocumentService service;
    private final AtomicInteger pins = new AtomicInteger();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Sequencer sequencer = new Sequencer(this);
    final Presence presence = new Presence();
    /** The highest seq applied per src: from the store when a src joins, then from what the lane decides. */
    final Map<String, Long> lastSeq = new HashMap<>();

    State state = State.LOADING;
    private List<Runnable> deferred = new ArrayList<>();
    EditableText headText;
    private EditableText durableText;
    RecentLog log;
    GroupCommit commit;
    private boolean flushScheduled;
    private Instant idleSince;

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

    long durable() {
        return commit.durable();
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
            headText = EditableText.of(text);
            durableText = EditableText.of(text);
            List<StoredOperation> tail = stored.tail();
            int keep = Math.min(tail.size(), service.settings().recentOperations());
            log = new RecentLog(stored.head() - keep);
            tail.subList(tail.size() - keep, tail.size()).forEach(log::add);
            commit = new GroupCommit(id, stored.head(), service.store(), service.storeExecutor(), lane,
                    service.settings().maxBatch(), new Committed());
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
        if (state != State.READY) {
            refuse(session);
            return;
        }
        Long from = session.resumeFrom;
        if (from != null && (from < 0 || from > durable())) {
            session.reject(Rejection.Code.UNKNOWN_REV, "revision " + from + " is not between 0 and the head " + durable(), null);
            session.endQuietly();
            unpin(session);
            return;
        }
        presence.seat(session, durable());
        idleSince = null;
        if (lastSeq.containsKey(session.src)) {
            welcome(session);
            return;
        }
        service.storeExecutor().execute(() -> {
            try {
                long last = service.store().lastSeq(id, session.src);
                lane.execute(() -> {
                    lastSeq.merge(session.src, last, Math::max);
                    if (!session.ended) {
                        welcome(session);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "document " + id + ": reading the last seq of a joining client failed", e);
                lane.execute(() -> dropSession(session, Participant.End.FAILURE));
            }
        });
    }

    private void welcome(Session session) {
        long head = durable();
        boolean fresh = session.resumeFrom == null;
        long rev = fresh ? head : session.resumeFrom;
        session.welcome(new Welcome(id, session.client, session.mode, rev, head,
                fresh ? durableText.toString() : null, presence.users(session, head, log)));
        User user = new User(session.client, session.name, session.color, head, List.of());
        for (Session other : presence.sessions()) {
            if (other != session && other.welcomed && !other.ended) {
                other.joined(user);
            }
        }
        pump(session);
        session.runEarlyCalls();
    }

    void submit(Session session, long rev, long seq, TextOperation operation) {
        sequencer.submit(session, rev, seq, operation);
    }

    void select(Session session, long rev, List<Range> ranges) {
        long head = state == State.READY || state == State.CLOSING ? durable() : -1;
        if (rev < 0 || rev > head) {
            return; // presence is best effort: there is nothing to place these ranges against
        }
        List<Range> placed = presence.select(session, rev, ranges, head, log, headText.length());
        for (Session other : presence.sessions()) {
            if (other != session && other.welcomed && !other.ended) {
                other.selected(session.client, head, placed);
            }
        }
    }

    void leave(Session session) {
        boolean announced = session.welcomed && !session.ended;
        session.endQuietly();
        presence.unseat(session);
        if (announced) {
            announceLeft(session);
        }
        unpin(session);
    }

    private void announceLeft(Session session) {
        for (Session other : presence.sessions()) {
            if (other.welcomed && !other.ended) {
                other.left(session.client);
            }
        }
    }

    /** Takes a decided operation: applied to the head text now, sent to anyone once it is durable. */
    void decide(Session author, long seq, TextOperation operation) {
        StoredOperation stored = new StoredOperation(log.head(), operation, author.src, seq, author.client, author.name, service.now());
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

    /** Sends {@code session} every durable revision it has not had, in order (from the store if memory no longer has them). */
    void pump(Session session) {
        if (!session.welcomed || session.fetching || session.ended) {
            return;
        }
        long head = durable();
        while (session.nextRev < head) {
            if (session.nextRev < log.start()) {
                catchUpFromStore(session, session.nextRev, Math.min(log.start(), session.nextRev + CATCH_UP_READ));
                return;
            }
            session.deliver(log.get(session.nextRev));
        }
    }

    private void catchUpFromStore(Session session, long from, long to) {
        session.fetching = true;
        service.storeExecutor().execute(() -> {
            try {
                List<StoredOperation> read = service.store().read(id, from, to);
                if (read.size() != to - from) {
                    throw new StoreException("the log of " + id + " has " + read.size() + " operations in [" + from + ", " + to + ")");
                }
                lane.execute(() -> {
                    session.fetching = false;
                    if (!session.ended) {
                        read.forEach(session::deliver);
                        pump(session);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "document " + id + ": reading revisions for a catch-up failed", e);
                lane.execute(() -> dropSession(session, Participant.End.FAILURE));
            }
        });
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
            long forgetBefore = Math.min(durable(), log.head() - service.settings().recentOperations());
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

    private void refuse(Session session) {
        dropSession(session, state == State.FAILED ? Participant.End.FAILURE : Participant.End.SHUTDOWN);
    }

    /** Ends one session from the server's side; the others see it leave unless they are ending too. */
    void dropSession(Session session, Participant.End reason) {
        boolean announced = session.welcomed && !session.ended;
        session.end(reason);
        presence.unseat(session);
        if (announced && (state == State.READY || state == State.CLOSING)) {
            announceLeft(session);
        }
        unpin(session);
    }

    private void unpin(Session session) {
        if (session.pinned) {
            session.pinned = false;
            pins.decrementAndGet();
        }
        if (presence.isEmpty() && idleSince == null) {
            idleSince = service.now();
        }
    }
}
