package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The transaction of {@link JdbcDocumentStore#appendAll}: every document's head moved and every
 * batch inserted, then one commit for all of them.
 *
 * <p>The heads are moved first, with the same guarded {@code UPDATE} as {@link AppendTransaction}
 * (one JDBC batch, documents in id order so that two nodes lock rows in the same order and
 * cannot deadlock): a document whose head is not the expected one updates no row, which is its
 * {@link AppendResult.Conflict}, and nothing of its batch is inserted. Conflicts are found this
 * way, up front, because on PostgreSQL a violated constraint aborts the whole transaction. When
 * one is violated anyway (a document created concurrently at revision 0, another node's operation
 * at the same revision, a {@code src}/{@code seq} not above the author's last) or the database gives the
 * transaction up, nothing is committed and the caller appends document by document, where each
 * violation is explained as {@link JdbcDocumentStore#append} explains it.
 */
final class GroupAppend {

    private GroupAppend() {
    }

    /**
     * Runs the transaction on {@code connection} (with auto-commit on when called) and commits
     * it; empty when it was rolled back for the caller to append one document at a time.
     *
     * @throws SQLException when the database failed otherwise, or the commit failed (then the
     *     outcome is unknown)
     */
    static Optional<List<AppendResult>> run(Connection connection, List<Append> appends) throws SQLException {
        connection.setAutoCommit(false);
        try {
            AppendResult[] results;
            try {
                results = write(connection, appends);
            } catch (SQLException e) {
                connection.rollback();
                if (SqlStates.isIntegrityViolation(e) || SqlStates.isTransactionRollback(e)) {
                    return Optional.empty();
                }
                throw e;
            }
            connection.commit();
            return Optional.of(List.of(results));
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static AppendResult[] write(Connection connection, List<Append> appends) throws SQLException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> appends.get(i).id()));
        int[] moved = moveHeads(connection, appends, order);
        AppendResult[] results = new AppendResult[appends.size()];
        List<Append> writing = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            Append append = appends.get(i);
            long newHead = append.expectedHead() + append.batch().size();
            if (moved[k] == 0) {
                if (append.expectedHead() != 0) {
                    results[i] = new AppendResult.Conflict(AppendTransaction.actualHead(connection, append.id()));
                    continue;
                }
                insertDocument(connection, append, newHead);
            }
            results[i] = new AppendResult.Appended(newHead);
            writing.add(append);
        }
        if (!writing.isEmpty()) {
            OperationRows.insertAll(connection, writing);
            List<SourceRows.Move> moves = new ArrayList<>();
            for (Append append : writing) {
                moves.addAll(SourceRows.movesOf(append.id(), append.batch()));
            }
            SourceRows.move(connection, moves);
        }
        return results;
    }

    /** The guarded head updates, in {@code order}; how many rows each moved (0 or 1). */
    private static int[] moveHeads(Connection connection, List<Append> appends, List<Integer> order) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE documents SET rev = ?, length = ?, updated = ? WHERE id = ? AND rev = ?")) {
            for (int i : order) {
                Append append = appends.get(i);
                List<StoredOperation> batch = append.batch();
                update.setLong(1, append.expectedHead() + batch.size());
                update.setInt(2, append.lengthAfter());
                Times.set(update, 3, batch.get(batch.size() - 1).time());
                update.setString(4, append.id());
                update.setLong(5, append.expectedHead());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int count : counts) {
                if (count != 0 && count != 1) {
                    // a driver that does not report counts would make conflicts invisible
                    throw new SQLException("the driver reported " + count + " rows for a head update; expected 0 or 1");
                }
            }
            return counts;
        }
    }

    private static void insertDocument(Connection connection, Append append, long newHead) throws SQLException {
        List<StoredOperation> batch = append.batch();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO documents (id, rev, length, created, updated) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, append.id());
            insert.setLong(2, newHead);
            insert.setInt(3, append.lengthAfter());
            Times.set(insert, 4, batch.get(0).time());
            Times.set(insert, 5, batch.get(batch.size() - 1).time());
            insert.executeUpdate();
        }
    }
}
