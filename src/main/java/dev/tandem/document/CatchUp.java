package dev.tandem.document;

import dev.tandem.store.StoredOperation;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends each session the durable revisions it has not had, in revision order: from memory when
 * they are recent, else read from the store in chunks (on the store executor) while newer
 * revisions wait for their turn. Live fan-out and the catch-up after a resume are the same walk,
 * so a connection can never receive a revision twice or out of order.
 *
 * <p>Threading: confined to the document's lane.
 */
final class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    /** The most operations one read asks the store for. */
    private static final int READ_CHUNK = 10_000;

    private final LiveDocument document;

    CatchUp(LiveDocument document) {
        this.document = document;
    }

    /** Sends {@code session} everything from its {@code nextRev} to the durable head. */
    void pump(Session session) {
        if (!session.welcomed || session.fetching || session.ended) {
            return;
        }
        RecentLog log = document.log;
        long head = document.durable();
        while (session.nextRev < head) {
            if (session.nextRev < log.start()) {
                read(session, session.nextRev, Math.min(log.start(), session.nextRev + READ_CHUNK));
                return;
            }
            session.deliver(log.get(session.nextRev));
        }
    }

    private void read(Session session, long from, long to) {
        session.fetching = true;
        document.service.storeExecutor().execute(() -> {
            try {
                List<StoredOperation> read = document.service.readLog(document.id, from, to);
                document.lane.execute(() -> {
                    session.fetching = false;
                    if (!session.ended) {
                        read.forEach(session::deliver);
                        pump(session);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "document " + document.id + ": reading revisions for a catch-up failed", e);
                document.lane.execute(() -> document.dropSession(session, Participant.End.FAILURE));
            }
        });
    }
}
