package dev.tandem.document.bench;

import dev.tandem.document.DocumentSettings;
import dev.tandem.document.JoinRequest;
import dev.tandem.document.Mode;
import dev.tandem.document.Participant;
import dev.tandem.document.Participation;
import dev.tandem.document.Rejection;
import dev.tandem.document.SharedDocumentService;
import dev.tandem.document.User;
import dev.tandem.document.Welcome;
import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.JdbcDocumentStore;
import dev.tandem.store.StoreSettings;
import dev.tandem.store.StoredOperation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Durable submissions per second through {@link SharedDocumentService} on the default embedded
 * store (an H2 file): closed-loop submitters, each sending its next insert when the previous one is
 * acknowledged (so only after its commit). Not a test: run it by hand with
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.document.bench.DurableSubmissions</pre>
 *
 * <p>With {@code -Dstore=postgresql} the same runs against a PostgreSQL 16 started for the run,
 * with {@code -Dstore=sqlite} against an SQLite file.
 *
 * <p>Each line is followed by what group commit achieved (writes, documents and operations per
 * write, time per write). All documents share one commit per round ({@code appendAll}), and one
 * round is written at a time. On one document the batch is every submitter, so the rate is
 * bounded by {@code submitters / (write time + one lane round trip)}; with many documents a JFR
 * profile still puts most of the CPU in H2's page writing at commit, which grows with the pages
 * each document touches (its rows, one leaf of the {@code (doc, src, seq)} index per author, its
 * {@code documents} row and {@code updated} index entry), not with the number of commits. On a
 * loaded machine the figures vary by a factor of two or more from run to run: repeat them.
 * <p>Optional arguments: seconds to measure (default 10) and seconds to warm up (default 5);
 * {@code -DstoreThreads=N} sets {@link DocumentSettings#storeThreads()} (default 8; commits use
 * one of them at a time, loads and catch-up the others).
 */
public final class DurableSubmissions {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("%-34s %12s %12s %12s%n", "scenario", "ops/s", "goal", "CPU µs/op");
        report("20 submitters on 1 document", 1, 20, warmup, seconds, 10_000);
        report("200 submitters on 50 documents", 50, 4, warmup, seconds, 30_000);
        System.exit(0); // the service's threads are daemons, the pool's are not all
    }

    private static void report(String name, int documents, int perDocument, int warmup, int seconds, int goal) throws Exception {
        Path directory = Files.createTempDirectory("tandem-bench");
        try (Database database = Database.start(directory);
             DocumentStore store = JdbcDocumentStore.open(database.url(), database.user(), "")) {
            CountingStore counting = new CountingStore();
            SharedDocumentService service = new SharedDocumentService(counting.wrap(store),
                    DocumentSettings.defaults().withStoreThreads(Integer.getInteger("storeThreads", 8)));
            List<Submitter> submitters = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                for (int s = 0; s < perDocument; s++) {
                    Submitter submitter = new Submitter("bench-" + d + "-" + s);
                    submitter.participation = service.join("bench-" + d, new JoinRequest(submitter.src, null, null, Mode.EDIT), submitter);
                    submitters.add(submitter);
                }
            }
            for (Submitter submitter : submitters) {
                submitter.welcomed.await();
            }
            Thread.sleep(warmup * 1000L); // a benchmark's measuring window, not synchronisation
            counting.takeReport();
            long before = Submitter.ACKS.get();
            long start = System.nanoTime();
            long cpuStart = CPU.getProcessCpuTime();
            Thread.sleep(seconds * 1000L);
            long acks = Submitter.ACKS.get() - before;
            double elapsed = (System.nanoTime() - start) / 1e9;
            // the whole process: submitters, lanes and store threads (a loaded machine slows the
            // rate, and inflates this figure less)
            double cpuMicros = (CPU.getProcessCpuTime() - cpuStart) / 1e3 / acks;
            System.out.printf("%-34s %12.0f %12d %12.1f%n", name, acks / elapsed, goal, cpuMicros);
            System.out.println("    " + counting.takeReport());
            for (Submitter submitter : submitters) {
                submitter.stop = true;
            }
            service.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * The database under test: the embedded H2 file (the default), an SQLite file, or with {@code -Dstore=postgresql}
     * a PostgreSQL 16 started for the run (as the store tests start it; durable commits with fsync).
     */
    private record Database(String url, String user, EmbeddedPostgres postgres) implements AutoCloseable {

        static Database start(Path directory) throws Exception {
            if ("postgresql".equals(System.getProperty("store", "h2"))) {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOutputRedirector(Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                        .setErrorRedirector(Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                        .start();
                return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", postgres);
            }
            if ("sqlite".equals(System.getProperty("store", "h2"))) {
                return new Database(StoreSettings.sqliteUrl(directory), "", null);
            }
            return new Database(StoreSettings.defaultUrl(directory), "sa", null);
        }

        @Override
        public void close() throws Exception {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** One closed-loop client: inserts a character at the start, tracking the server's revision and length. */
    private static final class Submitter implements Participant {
        static final AtomicLong ACKS = new AtomicLong();
        final String src;
        final CountDownLatch welcomed = new CountDownLatch(1);
        volatile Participation participation;
        volatile boolean stop;
        long rev;
        int length;
        long seq;

        Submitter(String src) {
            this.src = src;
        }

        @Override
        public void welcome(Welcome welcome) {
            rev = welcome.rev();
            length = welcome.text().length();
            welcomed.countDown();
            next();
        }

        private void next() {
            if (!stop) {
                participation.submit(rev, ++seq, TextOperation.builder().insert("x").retain(length).build());
            }
        }

        @Override
        public void acknowledged(long ackSeq, long ackRev) {
            ACKS.incrementAndGet();
            rev = ackRev + 1;
            length++;
            next();
        }

        @Override
        public void applied(StoredOperation revision) {
            rev = revision.rev() + 1;
            length = revision.operation().targetLength();
        }

        @Override
        public void rejected(Rejection rejection) {
            throw new IllegalStateException(src + ": " + rejection);
        }

        @Override
        public void selected(String client, long at, List<Range> ranges) {
        }

        @Override
        public void joined(User user) {
        }

        @Override
        public void left(String client) {
        }

        @Override
        public void ended(End reason) {
        }
    }
}
