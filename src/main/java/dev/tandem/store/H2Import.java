package dev.tandem.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The move from the H2 file that Tandem kept by default until schema version 3 to the SQLite
 * file that is the default now: on the first start with the default URL, when the SQLite file
 * does not exist yet and the H2 file does, every table is copied across.
 *
 * <p>The H2 database is first migrated to the current schema by opening a store on it, so the
 * copy is table for table. The copy is written to a file beside the target and renamed to it
 * only when complete: a start that dies half-way leaves no SQLite file, and the next start
 * copies again. The H2 file is left as it was (a backup; Tandem no longer reads it).
 */
final class H2Import {

    private static final System.Logger LOG = System.getLogger(H2Import.class.getName());

    /** Each table and its columns, parents first; the times among them go through {@link Times}. */
    private static final List<List<String>> TABLES = List.of(
            List.of("documents", "id", "rev", "length", "created", "updated"),
            List.of("snapshots", "doc", "rev", "text"),
            List.of("view_links", "token", "doc", "created"),
            List.of("operation_log", "doc", "rev", "revs", "ops", "time"),
            List.of("sources", "doc", "src", "seq", "rev"));
    private static final Set<String> TIMES = Set.of("created", "updated", "time");

    private H2Import() {
    }

    /** Copies {@code h2File} (opened with {@code h2Url}) into {@code sqliteFile}, unless that exists or there is nothing to copy. */
    static void ifFirstStart(String h2Url, String user, String password, Path h2File, Path sqliteFile) {
        if (Files.exists(sqliteFile) || !Files.exists(h2File)) {
            return;
        }
        Path partial = sqliteFile.resolveSibling(sqliteFile.getFileName() + ".importing");
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + suffix));
            }
            long copied;
            try (JdbcDocumentStore from = JdbcDocumentStore.open(h2Url, user, password);
                 JdbcDocumentStore to = JdbcDocumentStore.open("jdbc:sqlite:" + partial.toAbsolutePath(), null, null);
                 Connection source = from.dataSource().getConnection();
                 Connection target = to.dataSource().getConnection()) {
                copied = copy(source, target);
            }
            // the pool is closed, so SQLite has checkpointed its log into the file: one file to move
            Files.move(partial, sqliteFile, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.INFO, "copied {0} rows from the H2 database {1} into {2}; the H2 file is no longer used",
                    copied, h2File, sqliteFile);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot copy the H2 database " + h2File + " into " + sqliteFile + ": " + e.getMessage(), e);
        }
    }

    private static long copy(Connection source, Connection target) throws SQLException {
        long rows = 0;
        target.setAutoCommit(false);
        try {
            for (List<String> table : TABLES) {
                rows += copyTable(source, target, table.get(0), table.subList(1, table.size()));
            }
            target.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        }
    }

    private static long copyTable(Connection source, Connection target, String table, List<String> columns) throws SQLException {
        String names = String.join(", ", columns);
        String marks = String.join(", ", columns.stream().map(column -> "?").toList());
        long rows = 0;
        try (PreparedStatement query = source.prepareStatement("SELECT " + names + " FROM " + table);
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    if (TIMES.contains(column)) {
                        Times.set(insert, i + 1, Times.read(row, column));
                    } else {
                        Object value = row.getObject(column);
                        // H2 gives TEXT as a Clob, which SQLite's driver would store as its toString()
                        insert.setObject(i + 1, value instanceof Clob clob ? clob.getSubString(1, Math.toIntExact(clob.length())) : value);
                    }
                }
                insert.addBatch();
                if (++rows % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }
}
