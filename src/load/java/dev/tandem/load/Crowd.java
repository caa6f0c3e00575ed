package dev.tandem.load;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The authors of one scenario, spread over its documents: connects them (a bounded number of
 * handshakes at a time), waits for them to settle, checks that every author's text equals the
 * server's, and closes them. One {@link HttpClient} (one selector thread) carries every
 * connection, its listeners run on a small pool: thousands of connections cost little.
 */
final class Crowd implements AutoCloseable {

    private static final int HANDSHAKES_AT_ONCE = 32;

    final Run run = new Run();
    private final Inbox inbox = new Inbox(run);
    final List<Author> authors = new ArrayList<>();
    private final Map<Author, String> documentOf = new java.util.IdentityHashMap<>();
    private final ExecutorService listeners = Executors.newFixedThreadPool(2, daemon());
    private final HttpClient http = HttpClient.newBuilder().executor(listeners).build();
    private final URI base;
    private final ServerProbe server;

    Crowd(URI base, ServerProbe server) {
        this.base = base;
        this.server = server;
    }

    /** Connects {@code perDocument} authors to each of {@code documents}; returns when all are welcomed. */
    void connect(List<String> documents, int perDocument, Consumer<Author> onAck) throws InterruptedException {
        Semaphore handshakes = new Semaphore(HANDSHAKES_AT_ONCE);
        List<CompletableFuture<Void>> welcomes = new ArrayList<>();
        for (int i = 0; i < perDocument; i++) {
            for (String doc : documents) {
                Author author = new Author(String.format("load%08d", authors.size()), run, inbox, authors.size() * 7919L, onAck);
                authors.add(author);
                documentOf.put(author, doc);
                handshakes.acquire();
                CompletableFuture<Void> welcomed = author.connect(http, ws(doc)).orTimeout(60, TimeUnit.SECONDS);
                welcomed.whenComplete((ok, failure) -> handshakes.release());
                welcomes.add(welcomed);
            }
        }
        CompletableFuture.allOf(welcomes.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Waits until every author has nothing unacknowledged and is at its document's head, then
     * compares each author's text with the server's. Returns whether all agree.
     */
    boolean settleAndCompare(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Map<String, JsonObject> serverSide = new java.util.HashMap<>();
        while (true) {
            serverSide.clear();
            boolean settled = true;
            for (Author author : authors) {
                JsonObject doc = serverSide.computeIfAbsent(documentOf.get(author), server::document);
                if (!author.isSettled() || author.rev() != doc.getJsonNumber("rev").longValueExact()) {
                    settled = false;
                    break;
                }
            }
            if (settled) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                run.error("not settled within " + timeoutMillis + " ms");
                return false;
            }
            Thread.sleep(200); // a tool polling a server it does not control, not a test's synchronisation
        }
        boolean same = true;
        for (Author author : authors) {
            String expected = serverSide.get(documentOf.get(author)).getString("text");
            if (!author.text().equals(expected)) {
                run.error(author.src + ": text differs from the server's (" + author.text().length() + " vs " + expected.length() + " units)");
                same = false;
            }
        }
        return same;
    }

    private URI ws(String doc) {
        String http = base.resolve("ws/docs/" + doc).toString();
        return URI.create("ws" + http.substring("http".length()));
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Author author : authors) {
            closing.add(author.close());
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(failure -> null).join();
        listeners.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "load-listener-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
