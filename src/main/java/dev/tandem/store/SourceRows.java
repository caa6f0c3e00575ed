package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sources} table: per document and author ({@code src}), the newest {@code seq}
 * applied and its revision. An append moves each of its authors' rows forward with an
 * {@code UPDATE … WHERE seq < first seq of the batch}, so a batch that repeats or goes back
 * behind an applied {@code seq} updates nothing, and the {@code INSERT} that follows runs into
 * the key: the append fails as a whole.
 */
final class SourceRows {

    /** What one append does to one author's row: its seqs in the batch run from {@code firstSeq} to {@code lastSeq}. */
    record Move(String doc, String src, long firstSeq, long lastSeq, long lastRev) {
    }

    /** A stored row: the newest seq of {@code src} and the revision it was applied at. */
    record Last(long seq, long rev) {
    }

    private SourceRows() {
    }

    /** The moves of one batch, one per author (whose seqs increase along the batch: {@link CallerContract}). */
    static List<Move> movesOf(String id, List<StoredOperation> batch) {
        Map<String, Move> moves = new LinkedHashMap<>();
        for (StoredOperation operation : batch) {
            Move earlier = moves.get(operation.src());
            long first = earlier == null ? operation.seq() : earlier.firstSeq();
            moves.put(operation.src(), new Move(id, operation.src(), first, operation.seq(), operation.rev()));
        }
        return List.copyOf(moves.values());
    }

    /**
     * Moves every author's row, inserting the rows of authors new to their document.
     *
     * @throws SQLException an integrity violation when a batch repeats or goes back behind an
     *     applied seq (the caller explains it: {@link AppendTransaction#explainViolation})
     */
    static void move(Connection connection, List<Move> moves) throws SQLException {
        List<Move> ordered = new ArrayList<>(moves);
        // one order for every writer, so that two server nodes never wait for each other's rows
        ordered.sort(Comparator.comparing(Move::doc).thenComparing(Move::src));
        int[] counts;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sources SET seq = ?, rev = ? WHERE doc = ? AND src = ? AND seq < ?")) {
            for (Move move : ordered) {
                update.setLong(1, move.lastSeq());
                update.setLong(2, move.lastRev());
                update.setString(3, move.doc());
                update.setString(4, move.src());
                update.setLong(5, move.firstSeq());
                update.addBatch();
            }
            counts = update.executeBatch();
        }
        List<Move> fresh = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                fresh.add(ordered.get(i));
            } else if (counts[i] != 1) {
                throw new SQLException("the driver reported " + counts[i] + " rows for a sources update; expected 0 or 1");
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sources (doc, src, seq, rev) VALUES (?, ?, ?, ?)")) {
            for (Move move : fresh) {
                insert.setString(1, move.doc());
                insert.setString(2, move.src());
                insert.setLong(3, move.lastSeq());
                insert.setLong(4, move.lastRev());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The newest seq of {@code src} in {@code id} and its revision, or empty when it has none. */
    static Optional<Last> last(Connection connection, String id, String src) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, rev FROM sources WHERE doc = ? AND src = ?")) {
            query.setString(1, id);
            query.setString(2, src);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Last(row.getLong(1), row.getLong(2))) : Optional.empty();
            }
        }
    }
}
