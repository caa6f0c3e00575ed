package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on the JDBC store over an SQLite file in {@code target/}, in WAL mode. */
class SqliteDocumentStoreTest extends DocumentStoreContract implements JdbcContract {

    static {
        QuietLogs.apply();
    }

    private final Path directory = Path.of("target", "sqlite-store-test", UUID.randomUUID().toString()).toAbsolutePath();

    @Override
    protected DocumentStore openStore() throws IOException {
        Files.createDirectories(directory);
        return reopen();
    }

    @Override
    public JdbcDocumentStore reopen() {
        return JdbcDocumentStore.open("jdbc:sqlite:" + directory.resolve("tandem.db"), null, null);
    }

    @AfterEach
    void deleteDatabase() throws IOException {
        store().close();
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void everyConnectionCommitsToTheWriteAheadLogAndWaitsForTheWriter() throws Exception {
        try (Connection connection = ((JdbcDocumentStore) store()).dataSource().getConnection()) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).as("NORMAL").isEqualTo("1");
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
        }
    }

    private static String pragma(Connection connection, String name) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("PRAGMA " + name); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
