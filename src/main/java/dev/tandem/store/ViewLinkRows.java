package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code view_links} table: one read-only token per document. */
final class ViewLinkRows {

    private ViewLinkRows() {
    }

    /** The token of {@code id}, created now if it has none; empty if there is no such document. */
    static Optional<String> tokenOf(Connection connection, String id, Instant now) throws SQLException {
        Optional<String> existing = select(connection, "SELECT token FROM view_links WHERE doc = ?", id);
        if (existing.isPresent() || DocumentRows.head(connection, id).isEmpty()) {
            return existing;
        }
        try {
            return Optional.of(insert(connection, id, now));
        } catch (SQLException e) {
            if (!SqlStates.isIntegrityViolation(e)) {
                throw e;
            }
            // another thread or node created it between the check and the insert: theirs stands
            return select(connection, "SELECT token FROM view_links WHERE doc = ?", id);
        }
    }

    /** Inserts a fresh token for {@code id} (which must exist and have none) and returns it. */
    static String insert(Connection connection, String id, Instant now) throws SQLException {
        String token = ViewTokens.fresh();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO view_links (token, doc, created) VALUES (?, ?, ?)")) {
            insert.setString(1, token);
            insert.setString(2, id);
            Times.set(insert, 3, now);
            insert.executeUpdate();
        }
        return token;
    }

    static Optional<String> documentOf(Connection connection, String token) throws SQLException {
        return select(connection, "SELECT doc FROM view_links WHERE token = ?", token);
    }

    private static Optional<String> select(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
