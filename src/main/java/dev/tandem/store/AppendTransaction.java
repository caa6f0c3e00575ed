package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The transaction of {@link JdbcDocumentStore#append}, and what a failed one meant. */
final class AppendTransaction {

    private AppendTransaction() {
    }

    /**
     * Moves the head and inserts the batch, inside the caller's transaction; the caller commits
     * on {@link AppendResult.Appended} and rolls back otherwise.
     */
    static AppendResult run(Connection connection, String id, long expectedHead, List<StoredOperation> batch, int lengthAfter)
            throws SQLException {
        long newHead = expectedHead + batch.size();
        StoredOperation last = batch.get(batch.size() - 1);
        int moved;
        // the row lock taken here serialises concurrent appends to one document: a loser that
        // waited re-reads the row, finds another rev and updates nothing
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE documents SET rev = ?, length = ?, updated = ? WHERE id = ? AND rev = ?")) {
            update.setLong(1, newHead);
            update.setInt(2, lengthAfter);
            Times.set(update, 3, last.time());
            update.setString(4, id);
            update.setLong(5, expectedHead);
            moved = update.executeUpdate();
        }
        if (moved == 0) {
            if (expectedHead != 0) {
                return new AppendResult.Conflict(actualHead(connection, id));
            }
            // no such document yet: create it; if another writer just did, the primary key says so
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO documents (id, rev, length, created, updated) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, newHead);
                insert.setInt(3, lengthAfter);
                Times.set(insert, 4, batch.get(0).time());
                Times.set(insert, 5, last.time());
                insert.executeUpdate();
            }
        }
        OperationRows.insert(connection, id, batch);
        SourceRows.move(connection, SourceRows.movesOf(id, batch));
        return new AppendResult.Appended(newHead);
    }

    /**
     * Explains a key or unique violation of a rolled-back append: another writer moved the head
     * (a {@link AppendResult.Conflict}), or the batch repeats or goes back behind an applied
     * {@code src}/{@code seq} (the caller's bug), or empty when neither holds any more and the
     * append may simply be tried again (the document was created concurrently at revision 0).
     */
    static Optional<AppendResult> explainViolation(Connection connection, String id, long expectedHead,
            List<StoredOperation> batch, SQLException violation) throws SQLException {
        long head = actualHead(connection, id);
        if (head != expectedHead) {
            return Optional.of(new AppendResult.Conflict(head));
        }
        for (SourceRows.Move move : SourceRows.movesOf(id, batch)) {
            Optional<SourceRows.Last> last = SourceRows.last(connection, id, move.src());
            if (last.isEmpty() || last.get().seq() < move.firstSeq()) {
                continue;
            }
            StoredOperation behind = batch.stream()
                    .filter(operation -> operation.src().equals(move.src()) && operation.seq() <= last.get().seq())
                    .findFirst().orElseThrow();
            Optional<StoredOperation> applied = LogSearch.find(connection, id, behind.src(), behind.seq());
            IllegalArgumentException bug = applied.isPresent()
                    ? CallerContract.alreadyApplied(id, behind, applied.get().rev())
                    : CallerContract.notAbove(id, behind, last.get().seq());
            bug.addSuppressed(violation);
            throw bug;
        }
        return Optional.empty();
    }

    /**
     * The head as the log itself shows it: normally {@code documents.rev}, but the log's rows
     * are the final word, should a writer ever have got past the head check.
     */
    static long actualHead(Connection connection, String id) throws SQLException {
        Optional<Long> rev = DocumentRows.head(connection, id);
        return rev.isEmpty() ? 0 : OperationRows.end(connection, id, rev.get());
    }
}
