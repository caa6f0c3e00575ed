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

/** The contract on the JDBC store over an embedded H2 file database in {@code target/}. */
class H2DocumentStoreTest extends DocumentStoreContract implements JdbcContract {

    static {
        QuietLogs.apply();
    }

    private final Path directory = Path.of("target", "h2-store-test", UUID.randomUUID().toString()).toAbsolutePath();

    @Override
    protected DocumentStore openStore() {
        return reopen();
    }

    @Override
    public JdbcDocumentStore reopen() {
        return JdbcDocumentStore.open(StoreSettings.h2Url(directory), "sa", "");
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
    void writeDelayIsZeroEvenWhenTheUrlOmitsIt() throws Exception {
        store().close();
        String plain = "jdbc:h2:file:" + directory.resolve("plain").toString().replace('\\', '/');

        try (JdbcDocumentStore store = JdbcDocumentStore.open(plain, "sa", "");
             Connection connection = store.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
             ResultSet row = query.executeQuery()) {
            assertThat(row.next()).as("WRITE_DELAY is listed").isTrue();
            assertThat(row.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void databaseIsTheFileUnderTheGivenHome() {
        store().create("notes");

        assertThat(directory.resolve(".tandem").resolve("tandem.mv.db")).isRegularFile();
    }
}
