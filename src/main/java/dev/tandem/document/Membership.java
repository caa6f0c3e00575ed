package dev.tandem.document;

import dev.tandem.ot.Range;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sessions coming and going on a document: the join (refused when the revision to resume from
 * is unknown), the welcome once the author's last applied {@code seq} is known, the join and
 * leave announcements, and selections passed on to the others.
 *
 * <p>Threading: confined to the document's lane.
 */
final class Membership {

    private static final Logger LOG = Logger.getLogger(Membership.class.getName());

    private final LiveDocument document;

    Membership(LiveDocument document) {
        this.document = document;
    }

    void join(Session session) {
        LiveDocument d = document;
        if (d.state != LiveDocument.State.READY) {
            drop(session, d.state == LiveDocument.State.FAILED ? Participant.End.FAILURE : Participant.End.SHUTDOWN);
            return;
        }
        Long from = session.resumeFrom;
        if (from != null && (from < 0 || from > d.durable())) {
            // not joined: the transport may accept another hello on the same connection
            session.reject(Rejection.Code.UNKNOWN_REV, "revision " + from + " is not between 0 and the head " + d.durable(), null);
            session.endQuietly();
            d.unpin(session);
            return;
        }
        d.presence.seat(session, d.durable());
        d.idleSince = null;
        if (d.lastSeq.containsKey(session.src)) {
            welcome(session);
            return;
        }
        // the seq rules need the src's last applied seq, which only the store knows after a restart
        d.service.storeExecutor().execute(() -> {
            try {
                long last = d.service.store().lastSeq(d.id, session.src);
                d.lane.execute(() -> {
                    d.lastSeq.merge(session.src, last, Math::max);
                    if (!session.ended) {
                        welcome(session);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "document " + d.id + ": reading the last seq of a joining client failed", e);
                d.lane.execute(() -> drop(session, Participant.End.FAILURE));
            }
        });
    }

    private void welcome(Session session) {
        LiveDocument d = document;
        long head = d.durable();
        boolean fresh = session.resumeFrom == null;
        long rev = fresh ? head : session.resumeFrom;
        session.welcome(new Welcome(d.id, session.client, session.mode, rev, head,
                fresh ? d.durableText() : null, d.presence.users(session, head, d.log)));
        User user = new User(session.client, session.name, session.color, head, List.of());
        for (Session other : d.presence.sessions()) {
            if (other != session && other.welcomed && !other.ended) {
                other.joined(user);
            }
        }
        d.pump(session);
        session.runEarlyCalls();
    }

    void select(Session session, long rev, List<Range> ranges) {
        LiveDocument d = document;
        if (d.state != LiveDocument.State.READY && d.state != LiveDocument.State.CLOSING) {
            return; // presence is best effort: there is nothing to place these ranges against
        }
        long head = d.durable();
        if (rev < 0 || rev > head) {
            // PROTOCOL.md's error table: a rev the server never had is unknown-rev, for a select too
            session.reject(Rejection.Code.UNKNOWN_REV, "revision " + rev + " is not between 0 and the head " + head, null);
            return;
        }
        List<Range> placed = d.presence.select(session, rev, ranges, head, d.log, d.headText.length());
        for (Session other : d.presence.sessions()) {
            if (other != session && other.welcomed && !other.ended) {
                other.selected(session.client, head, placed);
            }
        }
    }

    void leave(Session session) {
        boolean announced = session.welcomed && !session.ended;
        session.endQuietly();
        document.presence.unseat(session);
        document.unpin(session); // first: whoever hears of the leave may take the seat
        if (announced) {
            announceLeft(session);
        }
    }

    /** Ends one session from the server's side; the others see it leave unless they are ending too. */
    void drop(Session session, Participant.End reason) {
        boolean announced = session.welcomed && !session.ended;
        session.end(reason);
        document.presence.unseat(session);
        if (announced && (document.state == LiveDocument.State.READY || document.state == LiveDocument.State.CLOSING)) {
            announceLeft(session);
        }
        document.unpin(session);
    }

    private void announceLeft(Session session) {
        for (Session other : document.presence.sessions()) {
            if (other.welcomed && !other.ended) {
                other.left(session.client);
            }
        }
    }
}
