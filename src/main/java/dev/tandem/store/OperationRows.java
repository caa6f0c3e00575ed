package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How a {@link StoredOperation} is written to and read from the {@code operations} table. */
final class OperationRows {

    static final String COLUMNS = "rev, op, src, seq, client, name, time";

    private static final String INSERT = "INSERT INTO operations (doc, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private OperationRows() {
    }

    /** Inserts the batch with one JDBC batch: one round trip however many operations it holds. */
    static void insert(Connection connection, String id, List<StoredOperation> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (StoredOperation operation : batch) {
                set(insert, id, operation);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Inserts the batches of several documents with one JDBC batch. */
    static void insertAll(Connection connection, List<Append> appends) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Append append : appends) {
                for (StoredOperation operation : append.batch()) {
                    set(insert, append.id(), operation);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void set(PreparedStatement insert, String id, StoredOperation operation) throws SQLException {
        insert.setString(1, id);
        insert.setLong(2, operation.rev());
        insert.setString(3, WireJson.writeOperation(operation.operation()));
        insert.setString(4, operation.src());
        insert.setLong(5, operation.seq());
        insert.setString(6, operation.client());
        insert.setString(7, operation.name());
        insert.setObject(8, timestamp(operation.time()));
    }

    /** The operations with {@code from <= rev < to}, in order. */
    static List<StoredOperation> readFrom(Connection connection, String id, long from, long to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM operations WHERE doc = ? AND rev >= ? AND rev < ? ORDER BY rev")) {
            query.setString(1, id);
            query.setLong(2, from);
            query.setLong(3, to);
            return readAll(query, id);
        }
    }

    /** Reads every row of {@code query}, whose parameters are already set, in the order it gives. */
    static List<StoredOperation> readAll(PreparedStatement query, String id) throws SQLException {
        List<StoredOperation> operations = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                operations.add(read(rows, id));
            }
        }
        return operations;
    }

    private static StoredOperation read(ResultSet row, String id) throws SQLException {
        long rev = row.getLong("rev");
        return new StoredOperation(rev,
                WireJson.readOperation(row.getString("op"), "rev " + rev + " of '" + id + "'"),
                row.getString("src"),
                row.getLong("seq"),
                row.getString("client"),
                row.getString("name"),
                instant(row, "time"));
    }

    static OffsetDateTime timestamp(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
