package dev.tandem.document;

import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what happens to a submitted operation, on its document's lane: the rules of
 * PROTOCOL.md's "Editing" section in the order a client can tell them apart.
 *
 * <ol>
 *   <li>a view connection: {@code forbidden};
 *   <li>while another operation of the connection awaits its ack: a resend (a {@code seq} already
 *       applied for this {@code src}) is acknowledged at its original revision, which a client
 *       whose old connection lingers can see arrive late; anything else is {@code not-in-order};
 *   <li>{@code rev} outside {@code [0, head]}: {@code unknown-rev};
 *   <li>a {@code seq} already applied for this {@code src}: a resend, acknowledged at its
 *       original revision and not applied again; a {@code seq} not above the last applied one
 *       that is not a resend: {@code not-in-order};
 *   <li>a base length other than the document's length at {@code rev}, or (after transformation
 *       against every revision since {@code rev}) a cut through a surrogate pair:
 *       {@code invalid-op};
 *   <li>a result longer than the document size limit (in UTF-8 bytes): {@code too-large};
 *   <li>otherwise the transformed operation is decided at the lane's head.
 * </ol>
 *
 * <p>Looking up old revisions or old seqs goes to the store on the store executor and comes back
 * to the lane; the connection's operation stays outstanding meanwhile, so nothing overtakes it.
 *
 * <p>Threading: confined to the document's lane.
 */
final class Sequencer {

    private static final Logger LOG = Logger.getLogger(Sequencer.class.getName());

    private final LiveDocument document;

    Sequencer(LiveDocument document) {
        this.document = document;
    }

    void submit(Session session, long rev, long seq, TextOperation operation) {
        if (document.state != LiveDocument.State.READY) {
            return; // closing or failed: the session is about to end, and its client resends after resuming
        }
        if (session.mode == Mode.VIEW) {
            session.reject(Rejection.Code.FORBIDDEN, "this connection may only view the document", seq);
            return;
        }
        if (session.outstanding != null) {
            long last = document.lastSeq.getOrDefault(session.src, -1L);
            if (seq <= last && seq != session.outstanding) {
                resend(session, seq, last, false);
            } else {
                session.reject(Rejection.Code.NOT_IN_ORDER, "operation " + seq + " was sent while operation "
                        + session.outstanding + " awaits its ack", seq);
            }
            return;
        }
        long head = document.durable();
        if (rev < 0 || rev > head) {
            session.reject(Rejection.Code.UNKNOWN_REV, "revision " + rev + " is not between 0 and the head " + head, seq);
            return;
        }
        session.outstanding = seq;
        admit(session, rev, seq, operation, List.of());
    }

    /**
     * Goes on with an outstanding operation made at {@code rev}; {@code older} holds the revisions
     * from {@code rev} on that were read from the store because memory no longer has them.
     */
    private void admit(Session session, long rev, long seq, TextOperation operation, List<StoredOperation> older) {
        if (session.ended || document.state != LiveDocument.State.READY) {
            return;
        }
        long last = document.lastSeq.getOrDefault(session.src, -1L);
        if (seq <= last) {
            resend(session, seq, last, true);
            return;
        }
        RecentLog log = document.log;
        long covered = rev + older.size();
        if (covered < log.start()) {
            readOlder(session, rev, seq, operation, older, covered, log.start());
            return;
        }
        int length = older.isEmpty() ? log.lengthAt(rev, document.headText.length()) : older.get(0).operation().baseLength();
        if (operation.baseLength() != length) {
            refuse(session, seq, Rejection.Code.INVALID_OP, (operation.baseLength() > length
                    ? "retain past end of document (length " : "operation ends before end of document (length ")
                    + length + " at revision " + rev + ", op spans " + operation.baseLength() + ")");
            return;
        }
        TextOperation transformed = operation;
        for (StoredOperation b : older) {
            transformed = TextOperation.transform(transformed, b.operation()).aPrime();
        }
        for (long r = covered; r < log.head(); r++) {
            transformed = TextOperation.transform(transformed, log.get(r).operation()).aPrime();
        }
        String misfit = document.headText.misfit(transformed);
        if (misfit != null) {
            refuse(session, seq, Rejection.Code.INVALID_OP, misfit + " (at revision " + log.head() + ")");
            return;
        }
        long limit = document.service.settings().maxDocumentBytes();
        if (!document.headText.staysWithin(transformed, limit)) {
            refuse(session, seq, Rejection.Code.DOCUMENT_TOO_LARGE, "the document would exceed its limit of " + limit
                    + " bytes (it has " + document.headText.utf8Length() + " at revision " + log.head() + ")");
            return;
        }
        document.decide(session, seq, transformed);
    }

    private void readOlder(Session session, long rev, long seq, TextOperation operation, List<StoredOperation> older,
                           long from, long to) {
        document.service.storeExecutor().execute(() -> {
            try {
                List<StoredOperation> read = document.service.readLog(document.id, from, to);
                List<StoredOperation> all = new ArrayList<>(older);
                all.addAll(read);
                document.lane.execute(() -> admit(session, rev, seq, operation, all));
            } catch (RuntimeException e) {
                storeFailed(session, e);
            }
        });
    }

    /**
     * {@code seq} is not above the last applied one: acknowledged if it was applied, refused if not.
     * {@code settles}: whether it is the connection's outstanding operation, which the answer ends;
     * otherwise another one awaits its ack and stays outstanding.
     */
    private void resend(Session session, long seq, long last, boolean settles) {
        StoredOperation original = document.log.find(session.src, seq);
        if (original != null) {
            acknowledge(session, seq, original.rev(), settles);
            return;
        }
        document.service.storeExecutor().execute(() -> {
            try {
                Optional<StoredOperation> stored = document.service.store().find(document.id, session.src, seq);
                document.lane.execute(() -> {
                    if (session.ended) {
                        return;
                    }
                    if (stored.isPresent()) {
                        acknowledge(session, seq, stored.get().rev(), settles);
                    } else {
                        String message = "seq " + seq + " is neither above the last applied seq " + last
                                + " of this src nor one that was applied";
                        if (settles) {
                            refuse(session, seq, Rejection.Code.NOT_IN_ORDER, message);
                        } else {
                            session.reject(Rejection.Code.NOT_IN_ORDER, message, seq);
                        }
                    }
                });
            } catch (RuntimeException e) {
                storeFailed(session, e);
            }
        });
    }

    private void acknowledge(Session session, long seq, long rev, boolean settles) {
        if (rev < session.nextRev) {
            session.acknowledgeResend(seq, rev, settles);
        } else {
            // not yet sent to this connection: the ack goes out in its place in revision order
            if (!settles) {
                session.resendsAwaited.add(seq);
            }
            document.pump(session);
        }
    }

    private void refuse(Session session, long seq, Rejection.Code code, String message) {
        session.outstanding = null;
        session.reject(code, message, seq);
    }

    private void storeFailed(Session session, RuntimeException e) {
        LOG.log(Level.WARNING, "document " + document.id + ": a store read for a submitted operation failed", e);
        document.lane.execute(() -> {
            // the operation is neither applied nor refused: the client resumes and resends it
            session.outstanding = null;
            document.dropSession(session, Participant.End.FAILURE);
        });
    }
}
