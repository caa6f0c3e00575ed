package dev.tandem.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the JDBC store runs on. The SQL is the same on all; only what lies outside
 * standard SQL differs: how schema migrations are serialised, how the embedded ones are made
 * durable, and how SQLite keeps times ({@link Times}).
 */
enum Dialect {

    H2 {
        @Override
        void lockForMigration(Connection connection) {
            // an embedded H2 file is opened by one process only (its file lock), so no other
            // node can migrate at the same time
        }

        @Override
        void prepare(Connection connection) throws SQLException {
            // Without this H2 writes committed transactions to its file from a background
            // thread every 500 ms, and killing the JVM loses what was acknowledged in between.
            // With 0 every commit is written to the file before it returns. Set on every start:
            // H2 keeps the setting in the database and reports it after a reopen, but its file
            // store goes back to the 500 ms delay unless it is set again in this process or
            // given in the URL (H2RecoveryTest).
            try {
                execute(connection, "SET WRITE_DELAY 0");
            } catch (SQLException e) {
                if (connection.getMetaData().getURL().toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=0")) {
                    return; // not an admin, but the URL already makes every commit durable
                }
                throw new SQLException("H2 must commit with WRITE_DELAY 0 for acknowledged operations to survive a crash:"
                        + " add ;WRITE_DELAY=0 to the JDBC URL, or connect as the database's admin (" + e.getMessage() + ")",
                        e.getSQLState(), e);
            }
        }
    },

    SQLITE {
        @Override
        void lockForMigration(Connection connection) {
            // the migration's first write takes SQLite's one write lock for the whole transaction
        }

        @Override
        void prepare(Connection connection) throws SQLException {
            // WAL: a commit appends to the write-ahead log, readers never wait for the writer.
            // The mode is kept in the file; synchronous and the busy timeout are set on every
            // connection by the pool (ConnectionPool), and checked here.
            execute(connection, "PRAGMA journal_mode=WAL");
            try (PreparedStatement query = connection.prepareStatement("PRAGMA synchronous");
                 java.sql.ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getInt(1) < 1) {
                    throw new SQLException("SQLite must commit with synchronous=NORMAL or FULL for acknowledged operations"
                            + " to survive a crash, not OFF");
                }
            }
        }
    },

    POSTGRESQL {
        @Override
        void lockForMigration(Connection connection) throws SQLException {
            // Server nodes starting together must not migrate at once; a transaction-scoped
            // advisory lock also works before tandem_schema exists. 0x74616e64 is "tand".
            execute(connection, "SELECT pg_advisory_xact_lock(1952542308)");
        }

        @Override
        void prepare(Connection connection) {
            // PostgreSQL commits durably by default (fsync, synchronous_commit on)
        }
    };

    /** Keeps other processes from migrating the schema until the current transaction ends. */
    abstract void lockForMigration(Connection connection) throws SQLException;

    /** Settings the store needs on every start, before migrating. */
    abstract void prepare(Connection connection) throws SQLException;

    static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("SQLite".equalsIgnoreCase(product)) {
            return SQLITE;
        }
        throw new StoreException("unsupported database '" + product + " " + meta.getDatabaseProductVersion()
                + "' at " + meta.getURL() + ": Tandem runs on SQLite, H2 and PostgreSQL");
    }
}
