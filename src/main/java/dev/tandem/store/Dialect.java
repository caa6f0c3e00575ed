package dev.tandem.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The databases the JDBC store runs on. The SQL is the same on both; only what lies outside
 * standard SQL differs: how schema migrations are serialised and how H2 is made durable.
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
            // With 0 every commit is written to the file before it returns. The setting is
            // persistent and database-wide, so it also covers a configured URL that lacks it.
            if ("0".equals(writeDelay(connection))) {
                return; // already durable; setting it again would need admin rights for nothing
            }
            try {
                execute(connection, "SET WRITE_DELAY 0");
            } catch (SQLException e) {
                throw new SQLException("H2 must commit with WRITE_DELAY 0 for acknowledged operations to survive a crash,"
                        + " and setting it needs admin rights: open the database once as its admin (the setting is persistent) ("
                        + e.getMessage() + ")", e.getSQLState(), e);
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

    private static String writeDelay(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

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
        throw new StoreException("unsupported database '" + product + " " + meta.getDatabaseProductVersion()
                + "' at " + meta.getURL() + ": Tandem runs on H2 and PostgreSQL");
    }
}
