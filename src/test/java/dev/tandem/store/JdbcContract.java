package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the JDBC store adds to the contract: its database outlives it, and its schema is versioned. */
interface JdbcContract extends MigrationContract {

    /** Another store over the same database as {@link #store()}. */
    JdbcDocumentStore reopen();

    @Test
    default void reopenedStoreStillHasEverything() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("hello", " world"), 11);
        store().saveSnapshot("notes", new Snapshot(1, "hello"));
        store().create("empty");
        DocumentSummary before = store().summary("notes").orElseThrow();
        StoredDocument loaded = store().load("notes").orElseThrow();
        store().close();

        try (JdbcDocumentStore reopened = reopen()) {
            assertThat(reopened.load("notes")).contains(loaded);
            assertThat(reopened.summary("notes")).contains(before);
            assertThat(reopened.find("notes", "ana-0001", 2)).isPresent();
            assertThat(reopened.summary("empty")).isPresent();
            assertThat(reopened.append("notes", 2, ana.type("!"), 12)).isEqualTo(new AppendResult.Appended(3));
        }
    }

    @Test
    default void migrationsRunOnce() throws SQLException {
        store().create("notes");
        try (JdbcDocumentStore second = reopen(); Connection connection = second.dataSource().getConnection()) {
            assertThat(Schema.migrate(connection, Dialect.of(connection))).as("versions applied on a current schema").isZero();
            assertThat(versions(connection)).containsExactly(List.of(1, "1-documents-operations-snapshots.sql"), List.of(2, "2-view-links.sql"),
                    List.of(3, "3-operation-log-rows.sql"), List.of(4, "4-users-access.sql"), List.of(5, "5-versions-comments.sql"));
            assertThat(Schema.currentVersion(connection)).isEqualTo(Schema.latest());
        }
        assertThat(store().summary("notes")).as("data kept across starts").isPresent();
    }

    @Test
    default void primaryKeyViolationIsAConflictNotAnException() throws SQLException {
        appendOrFail("notes", 0, List.of(Typing.insertAt(0, "ana-0001", 1)), 1);
        // another node that got past the head check wrote rev 1 without moving documents.rev
        StoredOperation theirs = Typing.insertAt(1, "node-002", 1);
        try (JdbcDocumentStore other = reopen(); Connection connection = other.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO operation_log (doc, rev, revs, ops, time) VALUES ('notes', 1, 1, ?, ?)")) {
            insert.setBytes(1, BatchCodec.encode(List.of(theirs), theirs.time()));
            Times.set(insert, 2, theirs.time());
            insert.executeUpdate();
        }

        AppendResult result = store().append("notes", 1, List.of(Typing.insertAt(1, "ana-0001", 2)), 2);

        assertThat(result).isEqualTo(new AppendResult.Conflict(2));
        assertThat(store().lastSeq("notes", "ana-0001")).as("nothing of the losing batch written").isEqualTo(1);
    }

    private static List<List<Object>> versions(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT version, script FROM tandem_schema ORDER BY version");
             ResultSet rows = query.executeQuery()) {
            List<List<Object>> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(List.of(rows.getInt(1), rows.getString(2)));
            }
            return versions;
        }
    }

}
