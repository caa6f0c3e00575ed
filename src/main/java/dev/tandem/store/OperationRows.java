package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link StoredOperation}s are written to and read from the {@code operation_log} table: one
 * row per append (per document per commit round), holding its operations in
 * {@link BatchCodec}'s form, keyed by the document and the row's first revision.
 *
 * <p>A row holds at most {@link #MAX_REVISIONS} revisions (a larger batch becomes several rows in
 * the same transaction). That bound is what lets a read find the row that holds revision
 * {@code from} with a range seek on the key, {@code rev > from - MAX_REVISIONS}, on every
 * database, instead of a search for the greatest key at or below {@code from}.
 */
final class OperationRows {

    /** The most revisions one row holds; part of the stored format, so readers can rely on it. */
    static final int MAX_REVISIONS = 1024;

    /** A row is closed once its inserted text passes this many UTF-16 units, to keep rows small. */
    private static final long MAX_UNITS = 1L << 20;

    private static final String INSERT = "INSERT INTO operation_log (doc, rev, revs, ops, time) VALUES (?, ?, ?, ?, ?)";

    private OperationRows() {
    }

    /** Inserts the batch as one row (or a few, see {@link #MAX_REVISIONS}). */
    static void insert(Connection connection, String id, List<StoredOperation> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int rows = addRows(insert, id, batch);
            if (rows == 1) {
                insert.executeUpdate();
            } else {
                insert.executeBatch();
            }
        }
    }

    /** Inserts the batches of several documents with one JDBC batch, a row (or a few) each. */
    static void insertAll(Connection connection, List<Append> appends) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Append append : appends) {
                addRows(insert, append.id(), append.batch());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Sets the parameters of the batch's rows; every row but the last is added to the JDBC batch,
     * the last is left set for the caller to execute or add.
     */
    private static int addRows(PreparedStatement insert, String id, List<StoredOperation> batch) throws SQLException {
        int rows = 0;
        int start = 0;
        while (start < batch.size()) {
            int end = rowEnd(batch, start);
            if (rows > 0) {
                insert.addBatch();
            }
            List<StoredOperation> row = batch.subList(start, end);
            Instant time = row.get(0).time();
            insert.setString(1, id);
            insert.setLong(2, row.get(0).rev());
            insert.setInt(3, row.size());
            insert.setBytes(4, BatchCodec.encode(row, time));
            Times.set(insert, 5, time);
            rows++;
            start = end;
        }
        return rows;
    }

    /** Where the row that starts at {@code start} ends: at most {@link #MAX_REVISIONS} and about {@link #MAX_UNITS} units on. */
    private static int rowEnd(List<StoredOperation> batch, int start) {
        int end = start;
        long units = 0;
        while (end < batch.size() && end - start < MAX_REVISIONS && (end == start || units < MAX_UNITS)) {
            var operation = batch.get(end).operation();
            for (int i = 0; i < operation.size(); i++) {
                if (operation.isInsert(i)) {
                    units += operation.length(i);
                }
            }
            end++;
        }
        return end;
    }

    /** The operations with {@code from <= rev < to}, in order. */
    static List<StoredOperation> readFrom(Connection connection, String id, long from, long to) throws SQLException {
        List<StoredOperation> operations = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT rev, revs, ops, time FROM operation_log WHERE doc = ? AND rev > ? AND rev < ? ORDER BY rev")) {
            query.setString(1, id);
            query.setLong(2, from - MAX_REVISIONS);
            query.setLong(3, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long first = rows.getLong(1);
                    int revs = rows.getInt(2);
                    if (first + revs <= from) {
                        continue; // a row before the one that holds from
                    }
                    List<StoredOperation> row = decode(rows, id, first, revs);
                    for (StoredOperation operation : row) {
                        if (operation.rev() >= from && operation.rev() < to) {
                            operations.add(operation);
                        }
                    }
                }
            }
        }
        return operations;
    }

    /** The end of the log (one past its last revision) as its rows show it, given a revision known to be in it or at its end. */
    static long end(Connection connection, String id, long atLeast) throws SQLException {
        long end = atLeast;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT rev, revs FROM operation_log WHERE doc = ? AND rev > ? ORDER BY rev")) {
            // a writer that got past the head check may have added rows beyond documents.rev
            for (boolean grew = true; grew; ) {
                grew = false;
                query.setString(1, id);
                query.setLong(2, end - MAX_REVISIONS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long rowEnd = rows.getLong(1) + rows.getInt(2);
                        if (rowEnd > end) {
                            end = rowEnd;
                            grew = true;
                        }
                    }
                }
            }
        }
        return end;
    }

    private static List<StoredOperation> decode(ResultSet rows, String id, long first, int revs) throws SQLException {
        String where = "row " + first + " of '" + id + "'";
        List<StoredOperation> row = BatchCodec.decode(rows.getBytes(3), first, Times.read(rows, "time"), where);
        if (row.size() != revs) {
            throw new StoreException("corrupt log row at " + where + ": " + row.size() + " operations where the row says " + revs);
        }
        return row;
    }
}
