package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first start on SQLite where an earlier Tandem kept its documents in the default H2 file. */
class H2ImportTest {

    static {
        QuietLogs.apply();
    }

    private final Path home = Path.of("target", "h2-import-test", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path h2File = home.resolve(".tandem").resolve("tandem.mv.db");
    private final Path sqliteFile = home.resolve(".tandem").resolve("tandem.db");

    @Test
    void everythingInTheH2FileIsCopiedOnceIntoTheSqliteFile() throws Exception {
        Typing ana = new Typing("ana-0001");
        List<StoredOperation> log;
        DocumentSummary summary;
        String token;
        try (JdbcDocumentStore h2 = JdbcDocumentStore.open(StoreSettings.h2Url(home), null, null)) {
            h2.append("notes", 0, ana.type("hello", " wörld\u0000"), 12);
            h2.saveSnapshot("notes", new Snapshot(1, "hello"));
            h2.append("notes", 2, ana.type("!"), 13);
            h2.create("empty");
            log = h2.read("notes", 0, 10);
            summary = h2.summary("notes").orElseThrow();
            token = h2.viewToken("notes").orElseThrow();
        }
        // a copy that died half-way on an earlier start
        Files.writeString(sqliteFile.resolveSibling("tandem.db.importing"), "half a file");

        H2Import.ifFirstStart(StoreSettings.h2Url(home), null, null, h2File, sqliteFile);

        try (JdbcDocumentStore sqlite = JdbcDocumentStore.open(StoreSettings.defaultUrl(home), null, null)) {
            assertThat(sqlite.read("notes", 0, 10)).isEqualTo(log);
            assertThat(sqlite.summary("notes")).contains(summary);
            assertThat(sqlite.summary("empty")).isPresent();
            assertThat(sqlite.snapshotAtOrBefore("notes", 2)).contains(new Snapshot(1, "hello"));
            assertThat(sqlite.documentOfViewToken(token)).contains("notes");
            assertThat(sqlite.lastSeq("notes", "ana-0001")).isEqualTo(3);
            assertThat(sqlite.find("notes", "ana-0001", 1)).contains(log.get(0));
            assertThat(sqlite.append("notes", 3, ana.type("?"), 14)).isEqualTo(new AppendResult.Appended(4));
        }
        assertThat(sqliteFile.resolveSibling("tandem.db.importing")).doesNotExist();

        // the next start finds the SQLite file and copies nothing again
        try (JdbcDocumentStore h2 = JdbcDocumentStore.open(StoreSettings.h2Url(home), null, null)) {
            h2.create("only-in-h2");
        }
        H2Import.ifFirstStart(StoreSettings.h2Url(home), null, null, h2File, sqliteFile);
        try (JdbcDocumentStore sqlite = JdbcDocumentStore.open(StoreSettings.defaultUrl(home), null, null)) {
            assertThat(sqlite.summary("only-in-h2")).isEmpty();
            assertThat(sqlite.summary("notes").orElseThrow().rev()).isEqualTo(4);
        }
    }
}
