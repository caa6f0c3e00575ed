package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the {@code documents} and {@code snapshots} tables. */
final class DocumentRows {

    private DocumentRows() {
    }

    /** The head revision of {@code id}, or empty if there is no such document. */
    static Optional<Long> head(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT rev FROM documents WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The newest stored snapshot at or before {@code atOrBefore}; none stands for (0, ""). */
    static Optional<Snapshot> newestSnapshot(Connection connection, String id, long atOrBefore) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT rev, text FROM snapshots WHERE doc = ? AND rev <= ? ORDER BY rev DESC LIMIT 1")) {
            query.setString(1, id);
            query.setLong(2, atOrBefore);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long rev = row.getLong(1);
                return Optional.of(new Snapshot(rev, WireJson.readText(row.getString(2), "snapshot " + rev + " of '" + id + "'")));
            }
        }
    }

    /** Whether a snapshot of {@code id} at {@code rev} is stored; reads the key only, never the text. */
    static boolean hasSnapshot(Connection connection, String id, long rev) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM snapshots WHERE doc = ? AND rev = ?")) {
            query.setString(1, id);
            query.setLong(2, rev);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Reads {@code id, rev, length, updated} rows of {@code query}, whose parameters are set. */
    static List<DocumentSummary> summaries(PreparedStatement query) throws SQLException {
        List<DocumentSummary> summaries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                summaries.add(new DocumentSummary(rows.getString("id"), rows.getLong("rev"), rows.getInt("length"),
                        Times.read(rows, "updated")));
            }
        }
        return summaries;
    }
}
