package dev.tandem.document.bench;

import dev.tandem.document.DocumentSettings;
import dev.tandem.document.JoinRequest;
import dev.tandem.document.Mode;
import dev.tandem.document.Participant;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long a large document takes to load from the H2 file store: a document of 10 MB pasted in
 * 512 KB operations and then typed into (499 keystrokes, so that no snapshot is taken and loading
 * replays the whole log from the empty text, the worst case {@code snapshotEvery} allows), opened by
 * a fresh service five times; each time from the join to the welcome. Not a test: run it by hand with
 *
 * <pre>mvn -q test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.document.bench.LargeDocumentLoad</pre>
 *
 * <p>Optional argument: megabytes (default 10).
 */
public final class LargeDocumentLoad {

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path directory = Files.createTempDirectory("tandem-bench");
        try (DocumentStore store = JdbcDocumentStore.open(StoreSettings.defaultUrl(directory), "sa", "")) {
            int length = write(store, megabytes);
            System.out.printf("a %d-unit document, %d operations in its log, no snapshot%n", length, 20 * megabytes / 10 + 499);
            for (int run = 1; run <= 5; run++) {
                SharedDocumentService service = new SharedDocumentService(store, DocumentSettings.defaults());
                Opener opener = new Opener();
                long start = System.nanoTime();
                service.join("big", new JoinRequest("bench-reader-" + run, null, null, Mode.VIEW), opener);
                if (!opener.welcomed.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("no welcome in 10 minutes");
                }
                System.out.printf("load %d: %.0f ms from join to welcome (%d units)%n", run, (System.nanoTime() - start) / 1e6, opener.length);
                service.close();
            }
        }
        System.exit(0);
    }

    /** Pastes {@code megabytes} MB in 512 KB operations, then 499 keystrokes at random places; returns the length. */
    private static int write(DocumentStore store, int megabytes) {
        store.create("big");
        int piece = 512 * 1024;
        String chunk = "a line of a large log file, 0123456789\n".repeat(piece / 39 + 1).substring(0, piece);
        long rev = 0;
        int length = 0;
        Random random = new Random(1);
        int pieces = megabytes * 2;
        for (int i = 0; i < pieces + 499; i++) {
            TextOperation operation = i < pieces ? TextOperation.splice(length, length, 0, chunk)
                    : TextOperation.splice(length, random.nextInt(length + 1), 0, "x");
            length = operation.targetLength();
            store.append("big", rev, List.of(new StoredOperation(rev, operation, "bench-writer", rev + 1, "c1", "bench", Instant.now())),
                    length);
            rev++;
        }
        return length;
    }

    private static final class Opener implements Participant {
        final CountDownLatch welcomed = new CountDownLatch(1);
        volatile int length;

        @Override
        public void welcome(Welcome welcome) {
            length = welcome.text().length();
            welcomed.countDown();
        }

        @Override
        public void acknowledged(long seq, long rev) {
        }

        @Override
        public void applied(StoredOperation revision) {
        }

        @Override
        public void rejected(Rejection rejection) {
        }

        @Override
        public void selected(String client, long rev, List<Range> ranges) {
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
