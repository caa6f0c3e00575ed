package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code named_versions} table: names given to revisions. */
final class VersionRows {

    private VersionRows() {
    }

    /** Inserts {@code version}; {@code false} when its revision has a name already. */
    static boolean insert(Connection connection, String id, NamedVersion version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO named_versions (doc, rev, name, author, created) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, version.rev());
            insert.setString(3, version.name());
            insert.setString(4, version.author());
            Times.set(insert, 5, version.created());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.isIntegrityViolation(e)) {
                return false; // the key (doc, rev): named already, here or by another node
            }
            throw e;
        }
    }

    static List<NamedVersion> list(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT rev, name, author, created FROM named_versions WHERE doc = ? ORDER BY rev")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                List<NamedVersion> versions = new ArrayList<>();
                while (row.next()) {
                    versions.add(new NamedVersion(row.getLong(1), row.getString(2), row.getString(3),
                            Times.read(row, "created")));
                }
                return versions;
            }
        }
    }

    static boolean rename(Connection connection, String id, long rev, String name) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE named_versions SET name = ? WHERE doc = ? AND rev = ?")) {
            update.setString(1, name);
            update.setString(2, id);
            update.setLong(3, rev);
            return update.executeUpdate() == 1;
        }
    }

    static boolean delete(Connection connection, String id, long rev) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM named_versions WHERE doc = ? AND rev = ?")) {
            delete.setString(1, id);
            delete.setLong(2, rev);
            return delete.executeUpdate() == 1;
        }
    }
}
