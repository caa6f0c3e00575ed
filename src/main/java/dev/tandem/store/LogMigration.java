package dev.tandem.store;

import dev.tandem.ot.TextOperation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema version 3's data step: the rows of version 2's {@code operations} table (one per
 * operation, JSON text) become {@code operation_log} rows (one per operation, {@link BatchCodec}),
 * each author's newest seq goes to {@code sources}, and {@code operations} is dropped.
 *
 * <p>Runs inside {@link Schema#migrate}'s transaction. On PostgreSQL that makes it all or
 * nothing. On H2 the {@code DROP TABLE} commits (DDL does there), together with the rows moved
 * before it: a start that dies before it finds {@code operations} again and starts over (the
 * new tables are emptied first), one that dies after it finds no {@code operations} and has
 * nothing to move.
 */
final class LogMigration {

    private static final int ROWS_PER_BATCH = 1_000;

    private LogMigration() {
    }

    static void moveOperations(Connection connection) throws SQLException {
        if (!hasOperationsTable(connection)) {
            return;
        }
        Dialect.execute(connection, "DELETE FROM operation_log");
        Dialect.execute(connection, "DELETE FROM sources");
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT doc, rev, op, src, seq, client, name, time FROM operations ORDER BY doc, rev");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO operation_log (doc, rev, revs, ops, time) VALUES (?, ?, 1, ?, ?)")) {
            query.setFetchSize(ROWS_PER_BATCH); // PostgreSQL streams instead of reading the whole table
            int pending = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String doc = rows.getString("doc");
                    long rev = rows.getLong("rev");
                    TextOperation operation = WireJson.readOperation(rows.getString("op"), "rev " + rev + " of '" + doc + "'");
                    StoredOperation stored = new StoredOperation(rev, operation, rows.getString("src"), rows.getLong("seq"),
                            rows.getString("client"), rows.getString("name"), Times.read(rows, "time"));
                    insert.setString(1, doc);
                    insert.setLong(2, rev);
                    insert.setBytes(3, BatchCodec.encode(List.of(stored), stored.time()));
                    Times.set(insert, 4, stored.time());
                    insert.addBatch();
                    if (++pending == ROWS_PER_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        // each author's newest seq and its revision; the old unique index finds the maximum
        Dialect.execute(connection, "INSERT INTO sources (doc, src, seq, rev)"
                + " SELECT o.doc, o.src, o.seq, o.rev FROM operations o"
                + " WHERE o.seq = (SELECT MAX(i.seq) FROM operations i WHERE i.doc = o.doc AND i.src = o.src)");
        Dialect.execute(connection, "DROP TABLE operations");
    }

    private static boolean hasOperationsTable(Connection connection) throws SQLException {
        // the name as the database keeps it: upper case on H2, lower case on PostgreSQL and SQLite
        for (String name : new String[] {"operations", "OPERATIONS"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
