package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's membership of a loaded document: the {@link Participation} handed to the
 * transport, and the state the lane keeps about it.
 *
 * <p>Threading: the {@link Participation} methods may be called from any thread; they only post
 * to the document's lane. Every other method and field is confined to the lane.
 */
final class Session implements Participation {

    private static final Logger LOG = Logger.getLogger(Session.class.getName());

    final String src;
    final String name;
    final Mode mode;
    /** {@code null} on a first connection, else the revision the client resumes from. */
    final Long resumeFrom;
    private final Participant participant;
    private final AtomicBoolean leaving = new AtomicBoolean();
    private volatile LiveDocument document;

    String client;
    String color;
    boolean welcomed;
    boolean ended;
    /** The next revision this connection is to receive: every lower one was sent, in order. */
    long nextRev;
    /** The seq of its operation awaiting an ack or a rejection, or {@code null}. */
    Long outstanding;
    /**
     * Seqs of resends that arrived while another operation was outstanding and whose revision
     * this connection has not been sent yet: that revision goes out as their ack.
     */
    final Set<Long> resendsAwaited = new HashSet<>();
    /** A store read for its catch-up is under way: the lane sends it nothing newer meanwhile. */
    boolean fetching;
    /** Whether this session still holds its document in memory (see {@link LiveDocument#pin}). */
    boolean pinned;
    /** Calls made before the welcome, run after it in order (Participation's promise). */
    private List<Runnable> early = new ArrayList<>();

    Session(JoinRequest request, Participant participant) {
        this.src = request.src();
        this.name = request.name();
        this.mode = request.mode() == null ? Mode.EDIT : request.mode();
        this.resumeFrom = request.rev();
        this.participant = participant;
    }

    void attach(LiveDocument document) {
        this.document = document;
    }

    @Override
    public void submit(long rev, long seq, TextOperation operation) {
        onLane(() -> document.submit(this, rev, seq, operation));
    }

    @Override
    public void select(long rev, List<Range> ranges) {
        List<Range> copy = List.copyOf(ranges);
        onLane(() -> document.select(this, rev, copy));
    }

    @Override
    public void leave() {
        LiveDocument at = document;
        if (leaving.compareAndSet(false, true) && at != null) {
            postQuietly(at, () -> at.leave(this));
        }
    }

    /** Posts to the lane; after the service has closed there is no lane, and nothing left to do. */
    private static void postQuietly(LiveDocument at, Runnable task) {
        try {
            at.post(task);
        } catch (RejectedExecutionException closed) {
            // the participation was ended with SHUTDOWN already
        }
    }

    private void onLane(Runnable call) {
        LiveDocument at = document;
        if (at == null || leaving.get()) {
            return;
        }
        postQuietly(at, () -> {
            if (ended) {
                return;
            } else if (!welcomed) {
                early.add(call);
            } else {
                call.run();
            }
        });
    }

    /** Sends the welcome, then runs what was asked before it. */
    void welcome(Welcome welcome) {
        welcomed = true;
        nextRev = welcome.rev();
        call(() -> participant.welcome(welcome));
    }

    void runEarlyCalls() {
        List<Runnable> calls = early;
        early = null;
        for (Runnable call : calls) {
            if (!ended) {
                call.run();
            }
        }
    }

    /** Sends revision {@code nextRev}: an ack if it is this connection's awaited operation, else the operation. */
    void deliver(StoredOperation revision) {
        if (revision.rev() != nextRev) {
            throw new IllegalStateException("revision " + revision.rev() + " sent to " + client + " which expects " + nextRev);
        }
        nextRev++;
        boolean own = src.equals(revision.src());
        if (own && outstanding != null && outstanding == revision.seq()) {
            outstanding = null;
            call(() -> participant.acknowledged(revision.seq(), revision.rev()));
        } else if (own && resendsAwaited.remove(revision.seq())) {
            call(() -> participant.acknowledged(revision.seq(), revision.rev()));
        } else {
            call(() -> participant.applied(revision));
        }
    }

    /** Tells of a changed thread, whose anchor is at this session's {@code nextRev}. */
    void threadChanged(ThreadEvent event) {
        call(() -> participant.threadChanged(event));
    }

    /**
     * Acknowledges a resend whose revision this connection has been sent already; {@code settles}:
     * it was the outstanding operation (not a late copy while another one awaits its ack).
     */
    void acknowledgeResend(long seq, long rev, boolean settles) {
        if (settles) {
            outstanding = null;
        }
        call(() -> participant.acknowledged(seq, rev));
    }

    /** Sends a rejection; whether it settles the outstanding operation is the caller's decision. */
    void reject(Rejection.Code code, String message, Long seq) {
        call(() -> participant.rejected(new Rejection(code, message, seq)));
    }

    void selected(String other, long rev, List<Range> ranges) {
        call(() -> participant.selected(other, rev, ranges));
    }

    void joined(User user) {
        call(() -> participant.joined(user));
    }

    void left(String other) {
        call(() -> participant.left(other));
    }

    void end(Participant.End reason) {
        if (!ended) {
            call(() -> participant.ended(reason));
            ended = true;
        }
    }

    /** Ends without telling the participant: it left, or its join was refused. */
    void endQuietly() {
        ended = true;
    }

    private void call(Runnable callback) {
        if (ended) {
            return;
        }
        try {
            callback.run();
        } catch (RuntimeException e) {
            // a transport's bug must not stop the fan-out to the document's other connections
            LOG.log(Level.WARNING, "participant " + client + " failed in a callback", e);
        }
    }
}
