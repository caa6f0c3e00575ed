package dev.tandem.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the operation an author sent with a given {@code seq}, without an index over every
 * operation: the {@code sources} row gives the author's newest seq and its revision, which is
 * the one a resend asks for (a client has one operation outstanding). An older seq, from a
 * connection that lingered, is searched for in the log itself, backwards from that revision:
 * rare, and slower the further back it lies.
 */
final class LogSearch {

    /** Revisions read per step of the backward search. */
    private static final int WINDOW = 4 * OperationRows.MAX_REVISIONS;

    private LogSearch() {
    }

    static Optional<StoredOperation> find(Connection connection, String id, String src, long seq) throws SQLException {
        Optional<SourceRows.Last> last = SourceRows.last(connection, id, src);
        if (last.isEmpty() || seq > last.get().seq()) {
            return Optional.empty();
        }
        if (seq == last.get().seq()) {
            return OperationRows.readFrom(connection, id, last.get().rev(), last.get().rev() + 1).stream().findFirst();
        }
        // an author's seqs increase with the revisions (the service applies only a seq above the
        // last, and the store refuses any other), so the search stops at the first smaller one
        for (long to = last.get().rev(); to > 0; ) {
            long from = Math.max(0, to - WINDOW);
            List<StoredOperation> window = OperationRows.readFrom(connection, id, from, to);
            for (int i = window.size() - 1; i >= 0; i--) {
                StoredOperation operation = window.get(i);
                if (operation.src().equals(src)) {
                    if (operation.seq() == seq) {
                        return Optional.of(operation);
                    }
                    if (operation.seq() < seq) {
                        return Optional.empty();
                    }
                }
            }
            to = from;
        }
        return Optional.empty();
    }
}
