package dev.tandem.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's tables, brought up to date at start by ordered scripts (resources beside this
 * class) and recorded in {@code tandem_schema}, one row per applied version.
 *
 * <p>Home-made rather than Flyway: Flyway 10 and later pull in Jackson and a module per database
 * for what is three tables here, and the WAR must stay small and conflict-free on GlassFish.
 */
final class Schema {

    /** The scripts in the order they apply; a new version is appended, never edited. */
    private static final List<String> SCRIPTS = List.of(
            "1-documents-operations-snapshots.sql",
            "2-view-links.sql",
            "3-operation-log-rows.sql",
            "4-users-access.sql",
            "5-versions-comments.sql");

    private Schema() {
    }

    /** The newest version this code knows. */
    static int latest() {
        return SCRIPTS.size();
    }

    /**
     * Applies the scripts the database lacks, in one transaction (on PostgreSQL; H2 commits each
     * DDL statement, which the scripts tolerate by being idempotent).
     *
     * @return how many versions were applied (0 when the schema was current)
     */
    static int migrate(Connection connection, Dialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            dialect.lockForMigration(connection);
            Dialect.execute(connection, "CREATE TABLE IF NOT EXISTS tandem_schema ("
                    + " version INTEGER NOT NULL PRIMARY KEY,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            int current = currentVersion(connection);
            int applied = 0;
            for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                String script = SCRIPTS.get(version - 1);
                for (String sql : statements(script)) {
                    Dialect.execute(connection, sql);
                }
                if (version == 3) {
                    LogMigration.moveOperations(connection); // rows need BatchCodec, which SQL cannot call
                }
                record(connection, version, script);
                applied++;
            }
            connection.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(version) FROM tandem_schema");
             ResultSet row = select.executeQuery()) {
            row.next();
            int version = row.getInt(1);
            if (version > SCRIPTS.size()) {
                // a newer Tandem migrated this database; its changes are additive, so carry on
                System.getLogger(Schema.class.getName()).log(System.Logger.Level.WARNING,
                        "database schema is at version {0}, newer than this Tandem knows ({1})", version, SCRIPTS.size());
            }
            return version;
        }
    }

    private static void record(Connection connection, int version, String script) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tandem_schema (version, script, applied) VALUES (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, script);
            Times.set(insert, 3, CallerContract.truncate(java.time.Instant.now()));
            insert.executeUpdate();
        }
    }

    /** The statements of a script: split at semicolons that end a line, comment lines dropped. */
    static List<String> statements(String script) {
        String text;
        try (InputStream in = Schema.class.getResourceAsStream("schema/" + script)) {
            if (in == null) {
                throw new StoreException("migration script schema/" + script + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration script schema/" + script, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new StoreException("migration script schema/" + script + " ends without a semicolon: " + current);
        }
        return statements;
    }
}
