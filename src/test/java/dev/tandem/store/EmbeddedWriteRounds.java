package dev.tandem.store;

import com.sun.management.OperatingSystemMXBean;
import dev.tandem.ot.TextOperation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The write path's transaction on the embedded candidates, without the service around it: a
 * closed loop of commit rounds, each one row per document for {@code documents} documents
 * with two authors typing one keystroke each (what a round of the 50-document closed loop
 * holds). Prints operations per second and µs of process CPU per operation. Not a test: run it
 * by hand with
 *
 * <pre>mvn -q test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.store.EmbeddedWriteRounds</pre>
 *
 * <p>Rows: the H2 store itself ({@link JdbcDocumentStore#appendAll}, schema 3); then the same
 * statements as plain JDBC, identical SQL and tables (time kept as microseconds) on H2 and on
 * SQLite in WAL mode with {@code synchronous=NORMAL} (an acknowledged commit survives the
 * process being killed, as H2's {@code WRITE_DELAY=0} does; neither survives power loss) and
 * {@code synchronous=FULL} (fsync per commit). Optional arguments: seconds (default 10),
 * documents (default 50).
 */
public final class EmbeddedWriteRounds {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.printf("%-40s %10s %12s %14s%n", "engine", "rounds/s", "ops/s", "CPU µs/op");
        h2Store(seconds, documents);
        plain("H2 2.4 file, WRITE_DELAY=0, plain JDBC", "jdbc:h2:file:%s/h2;WRITE_DELAY=0", null, seconds, documents);
        plain("SQLite WAL, synchronous=NORMAL", "jdbc:sqlite:%s/sqlite.db", "NORMAL", seconds, documents);
        plain("SQLite WAL, synchronous=FULL", "jdbc:sqlite:%s/sqlite.db", "FULL", seconds, documents);
    }

    private static void h2Store(int seconds, int documents) throws Exception {
        Path directory = Files.createTempDirectory("tandem-rounds");
        try (JdbcDocumentStore store = JdbcDocumentStore.open(StoreSettings.h2Url(directory), "sa", "")) {
            Typist[] typists = typists(documents);
            Loop loop = new Loop(seconds);
            while (loop.next()) {
                List<Append> appends = new ArrayList<>();
                for (Typist typist : typists) {
                    appends.add(new Append(typist.id, typist.rev, typist.round(), typist.length));
                }
                for (AppendResult result : store.appendAll(appends)) {
                    if (!(result instanceof AppendResult.Appended)) {
                        throw new IllegalStateException("round gave " + result);
                    }
                }
                loop.done(2 * documents);
            }
            loop.print("H2 2.4 file: the store (appendAll)");
        }
    }

    private static void plain(String name, String url, String synchronous, int seconds, int documents) throws Exception {
        Path directory = Files.createTempDirectory("tandem-rounds");
        try (Connection connection = DriverManager.getConnection(String.format(url, directory))) {
            try (Statement statement = connection.createStatement()) {
                if (synchronous != null) {
                    statement.execute("PRAGMA journal_mode=WAL");
                    statement.execute("PRAGMA synchronous=" + synchronous);
                }
                statement.execute("CREATE TABLE documents (id VARCHAR(128) NOT NULL PRIMARY KEY, rev BIGINT NOT NULL,"
                        + " length INTEGER NOT NULL, created BIGINT NOT NULL, updated BIGINT NOT NULL)");
                statement.execute("CREATE INDEX documents_updated ON documents (updated)");
                statement.execute("CREATE TABLE operation_log (doc VARCHAR(128) NOT NULL, rev BIGINT NOT NULL, revs INTEGER NOT NULL,"
                        + " ops BYTEA NOT NULL, time BIGINT NOT NULL, PRIMARY KEY (doc, rev))");
                statement.execute("CREATE TABLE sources (doc VARCHAR(128) NOT NULL, src VARCHAR(64) NOT NULL, seq BIGINT NOT NULL,"
                        + " rev BIGINT NOT NULL, PRIMARY KEY (doc, src))");
            }
            Typist[] typists = typists(documents);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO documents VALUES (?, 0, 0, 0, 0)");
                 PreparedStatement source = connection.prepareStatement("INSERT INTO sources VALUES (?, ?, 0, 0)")) {
                for (Typist typist : typists) {
                    insert.setString(1, typist.id);
                    insert.executeUpdate();
                    for (String src : typist.srcs) {
                        source.setString(1, typist.id);
                        source.setString(2, src);
                        source.executeUpdate();
                    }
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE documents SET rev = ?, length = ?, updated = ? WHERE id = ? AND rev = ?");
                 PreparedStatement row = connection.prepareStatement(
                         "INSERT INTO operation_log (doc, rev, revs, ops, time) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement seq = connection.prepareStatement(
                         "UPDATE sources SET seq = ?, rev = ? WHERE doc = ? AND src = ? AND seq < ?")) {
                Loop loop = new Loop(seconds);
                while (loop.next()) {
                    for (Typist typist : typists) {
                        long expected = typist.rev;
                        List<StoredOperation> batch = typist.round();
                        long micros = Instant.now().toEpochMilli() * 1000;
                        head.setLong(1, typist.rev);
                        head.setInt(2, typist.length);
                        head.setLong(3, micros);
                        head.setString(4, typist.id);
                        head.setLong(5, expected);
                        head.addBatch();
                        row.setString(1, typist.id);
                        row.setLong(2, expected);
                        row.setInt(3, batch.size());
                        row.setBytes(4, BatchCodec.encode(batch, batch.get(0).time()));
                        row.setLong(5, micros);
                        row.addBatch();
                        for (StoredOperation operation : batch) {
                            seq.setLong(1, operation.seq());
                            seq.setLong(2, operation.rev());
                            seq.setString(3, typist.id);
                            seq.setString(4, operation.src());
                            seq.setLong(5, operation.seq());
                            seq.addBatch();
                        }
                    }
                    check(head.executeBatch());
                    row.executeBatch();
                    check(seq.executeBatch());
                    connection.commit();
                    loop.done(2 * documents);
                }
                loop.print(name);
            }
        }
    }

    private static void check(int[] counts) {
        for (int count : counts) {
            if (count != 1) {
                throw new IllegalStateException("a guarded update moved " + count + " rows");
            }
        }
    }

    private static Typist[] typists(int documents) {
        Typist[] typists = new Typist[documents];
        for (int d = 0; d < documents; d++) {
            typists[d] = new Typist("bench-" + d);
        }
        return typists;
    }

    /** One document with two authors, each typing one keystroke per round at the end. */
    private static final class Typist {
        final String id;
        final String[] srcs;
        long rev;
        int length;
        long seq;

        Typist(String id) {
            this.id = id;
            this.srcs = new String[] {id + "-a-0123456789", id + "-b-0123456789"};
        }

        List<StoredOperation> round() throws SQLException {
            seq++;
            List<StoredOperation> batch = new ArrayList<>(2);
            for (String src : srcs) {
                TextOperation keystroke = TextOperation.builder().retain(length).insert("x").build();
                batch.add(new StoredOperation(rev, keystroke, src, seq, "c-" + src, "Author", CallerContract.truncate(Instant.now())));
                rev++;
                length++;
            }
            return batch;
        }
    }

    /** Warm-up of a third of the time, then the measured window: wall time, process CPU, operations. */
    private static final class Loop {
        private final long warmupEnd;
        private final long end;
        private long start;
        private long cpuStart;
        private long rounds;
        private long operations;

        Loop(int seconds) {
            long now = System.nanoTime();
            warmupEnd = now + seconds * 1_000_000_000L / 3;
            end = warmupEnd + seconds * 1_000_000_000L;
        }

        boolean next() {
            long now = System.nanoTime();
            if (start == 0 && now >= warmupEnd) {
                start = now;
                cpuStart = OS.getProcessCpuTime();
                rounds = 0;
                operations = 0;
            }
            return now < end;
        }

        void done(int operations) {
            rounds++;
            this.operations += operations;
        }

        void print(String name) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (OS.getProcessCpuTime() - cpuStart) / 1e3;
            System.out.printf("%-40s %10.0f %12.0f %14.1f%n", name, rounds / seconds, operations / seconds, cpuMicros / operations);
        }
    }
}
