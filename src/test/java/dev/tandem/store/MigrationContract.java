package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schema version 3 on a database that version 2 wrote: the test puts the database back to
 * version 2 (its {@code operations} table, one row per operation as JSON), fills it as Tandem
 * did, and opens a store, which migrates.
 */
interface MigrationContract extends StoreContract {

    /** Another store over the same database as {@link #store()}. */
    JdbcDocumentStore reopen();

    @Test
    default void versionTwoOperationsAreMovedIntoTheLogRows() throws SQLException {
        store().create("notes");
        store().saveSnapshot("notes", new Snapshot(0, ""));
        List<StoredOperation> ana = new ArrayList<>();
        List<StoredOperation> written = new ArrayList<>();
        String text = "";
        for (int rev = 0; rev < 30; rev++) {
            boolean bob = rev % 3 == 2;
            String inserted = rev == 7 ? "nul\u0000 😀 é" : "w" + rev;
            TextOperation operation = TextOperation.builder().retain(text.length()).insert(inserted).build();
            text = operation.apply(text);
            StoredOperation stored = new StoredOperation(rev, operation, bob ? "bob-0001" : "ana-0001", 100 + rev,
                    bob ? "c2" : "c1", bob ? null : "Ana", Instant.parse("2026-11-25T10:00:00.123456Z").plusMillis(1_001L * rev));
            written.add(stored);
            if (!bob) {
                ana.add(stored);
            }
        }
        try (Connection connection = ((JdbcDocumentStore) store()).dataSource().getConnection()) {
            backToVersionTwo(connection, "notes", written, text.length());
        }
        store().close();

        try (JdbcDocumentStore migrated = reopen(); Connection connection = migrated.dataSource().getConnection()) {
            assertThat(Schema.currentVersion(connection)).isEqualTo(Schema.latest());
            assertThat(tableCount(connection, "operations")).as("the old table is gone").isZero();
            assertThat(migrated.read("notes", 0, 100)).isEqualTo(written);
            assertThat(migrated.read("notes", 7, 9)).isEqualTo(written.subList(7, 9));
            assertThat(migrated.load("notes").orElseThrow().tail()).isEqualTo(written);
            assertThat(migrated.lastSeq("notes", "ana-0001")).isEqualTo(ana.get(ana.size() - 1).seq());
            assertThat(migrated.lastSeq("notes", "bob-0001")).isEqualTo(129);
            assertThat(migrated.find("notes", "bob-0001", 129)).contains(written.get(29));
            assertThat(migrated.find("notes", "ana-0001", 100)).as("an older seq, from the log itself").contains(written.get(0));
            assertThat(migrated.find("notes", "ana-0001", 102)).as("bob's seq, not ana's").isEmpty();
            assertThat(migrated.summary("notes").orElseThrow().rev()).isEqualTo(30);

            StoredOperation next = new StoredOperation(30, TextOperation.builder().retain(text.length()).insert("!").build(),
                    "ana-0001", 130, "c1", "Ana", Instant.parse("2026-11-25T11:00:00Z"));
            assertThat(migrated.append("notes", 30, List.of(next), text.length() + 1)).isEqualTo(new AppendResult.Appended(31));
            assertThat(migrated.find("notes", "ana-0001", 130)).contains(next);
        }
    }

    /** Drops version 3's tables, brings back version 2's {@code operations} and fills it with {@code log}. */
    private static void backToVersionTwo(Connection connection, String id, List<StoredOperation> log, int length) throws SQLException {
        for (String sql : List.of("DROP TABLE operation_log", "DROP TABLE sources", "DELETE FROM tandem_schema WHERE version >= 3")) {
            Dialect.execute(connection, sql);
        }
        for (String sql : Schema.statements("1-documents-operations-snapshots.sql")) {
            Dialect.execute(connection, sql); // idempotent: creates only what is missing, the operations table
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO operations (doc, rev, op, src, seq, client, name, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredOperation operation : log) {
                insert.setString(1, id);
                insert.setLong(2, operation.rev());
                insert.setString(3, WireJson.writeOperation(operation.operation())); // version 2's form
                insert.setString(4, operation.src());
                insert.setLong(5, operation.seq());
                insert.setString(6, operation.client());
                insert.setString(7, operation.name());
                Times.set(insert, 8, operation.time());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE documents SET rev = ?, length = ? WHERE id = ?")) {
            update.setLong(1, log.size());
            update.setInt(2, length);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    private static int tableCount(Connection connection, String table) throws SQLException {
        int count = 0;
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
                while (tables.next()) {
                    count++;
                }
            }
        }
        return count;
    }
}
