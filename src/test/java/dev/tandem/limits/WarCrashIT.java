package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The WAR killed with SIGKILL under load, ten times in a row (and stopped gracefully, three times): an embedded Tomcat in a process of
 * its own ({@link WarServer}) over an H2 file, clients editing several documents over the
 * WebSocket, the process killed at a random moment, started again; the clients reconnect with
 * their revision, take an operation of theirs seen in the catch-up as its ack, and resend the
 * one still unacknowledged. In the end every operation acknowledged before any kill is in its
 * document's log exactly once, at the revision it was acknowledged at, and each text is the
 * replay of its log and holds every client's words in order.
 */
class WarCrashIT {

    private static final int KILLS = 10;
    private static final int STOPS = 3;
    private static final int CLIENTS = 4;

    @Test
    void acknowledgedOperationsSurviveTenKillsOfTheContainer() throws Exception {
        List<Writer> writers = stopRepeatedly(KILLS, server -> server.destroyForcibly().waitFor());
        int acked = writers.stream().mapToInt(w -> w.acked.size()).sum();
        System.out.println("WarCrashIT: " + acked + " acknowledged operations verified after " + KILLS + " kills");
        assertThat(acked).isGreaterThan(KILLS);
    }

    /**
     * A graceful stop (SIGTERM: the container undeploys Tandem) in the middle of the same load:
     * every client is closed with 1001 (going away), and after the restart nothing acknowledged is
     * lost and nothing is applied twice.
     */
    @Test
    void aGracefulStopClosesEveryClientWith1001AndLosesNothing() throws Exception {
        Map<String, Integer> closeCodes = new ConcurrentHashMap<>();
        List<Writer> writers = new ArrayList<>();
        writers.addAll(stopRepeatedly(STOPS, server -> {
            server.destroy();
            assertThat(server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the container stopped").isTrue();
        }, writer -> closeCodes.merge(String.valueOf(writer.connection.awaitClose().getCloseCode().getCode()), 1, Integer::sum)));
        assertThat(closeCodes).as("close codes seen by the clients at the stops").containsOnlyKeys("1001");
        assertThat(closeCodes.get("1001")).isEqualTo(STOPS * CLIENTS);
    }

    @FunctionalInterface
    private interface Stop {
        void stop(Process server) throws Exception;
    }

    @FunctionalInterface
    private interface AfterStop {
        void check(Writer writer) throws Exception;
    }

    private List<Writer> stopRepeatedly(int stops, Stop stop) throws Exception {
        return stopRepeatedly(stops, stop, writer -> { });
    }

    /** Clients write while the server is stopped {@code stops} times and started again; then the logs are checked. */
    private List<Writer> stopRepeatedly(int stops, Stop stop, AfterStop afterStop) throws Exception {
        long seed = new Random().nextLong();
        System.out.println("WarCrashIT seed " + seed);
        Random random = new Random(seed);
        Path db = Files.createTempDirectory(Path.of("target"), "war-crash-db");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            writers.add(new Writer("crash-doc-" + (i % 2 == 0 ? "a" : "b") + i, "crashsrc" + i, base));
        }
        for (int kill = 0; kill <= stops; kill++) {
            Process server = start(port, db);
            try {
                if (kill == stops) {
                    // the last start: every client resumes, its last operation is settled, and the logs are checked
                    for (Writer writer : writers) {
                        writer.connect();
                        writer.settle();
                    }
                    verify(base, writers);
                    break;
                }
                List<Thread> threads = new ArrayList<>();
                for (Writer writer : writers) {
                    writer.connect();
                    Thread thread = new Thread(() -> {
                        try {
                            writer.run();
                        } catch (AssertionError | RuntimeException e) {
                            failures.add(e);
                        }
                    }, writer.src);
                    thread.start();
                    threads.add(thread);
                }
                Thread.sleep(300 + random.nextInt(900)); // the random moment of the stop, not a synchronisation
                stop.stop(server);
                for (Writer writer : writers) {
                    afterStop.check(writer);
                }
                for (Thread thread : threads) {
                    thread.join(30_000);
                }
            } finally {
                server.destroyForcibly().waitFor();
            }
        }
        assertThat(failures).isEmpty();
        return writers;
    }

    private static Process start(int port, Path db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                // deliberately without WRITE_DELAY=0, which the store must set itself (H2 forgets the
                // persisted setting on reopen); DB_CLOSE_ON_EXIT=FALSE as in the default URL, so that
                // H2's own shutdown hook does not close the database under a stopping container
                "-XX:TieredStopAtLevel=1", "-DTANDEM_DB_URL=jdbc:h2:file:" + db.toAbsolutePath() + "/tandem;DB_CLOSE_ON_EXIT=FALSE",
                WarServer.class.getName(), Integer.toString(port), new File("target/tandem").getAbsolutePath())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                throw new AssertionError("the server ended before it was ready");
            }
            if (line.equals("READY")) {
                break;
            }
        }
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException ended) {
                // the process was killed: its output ends with it
            }
        }, "war-server-output");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    private static void verify(URI base, List<Writer> writers) throws Exception {
        HttpApi http = new HttpApi(base);
        Set<String> docs = new HashSet<>();
        writers.forEach(w -> docs.add(w.doc));
        for (String doc : docs) {
            List<?> ops = (List<?>) http.get("api/docs/" + doc + "/ops").json();
            Set<String> seen = new HashSet<>();
            String replayed = "";
            for (int rev = 0; rev < ops.size(); rev++) {
                Map<?, ?> entry = (Map<?, ?>) ops.get(rev);
                assertThat(((Number) entry.get("rev")).intValue()).isEqualTo(rev);
                assertThat(seen.add(entry.get("src") + "/" + entry.get("seq"))).as("applied once: " + entry).isTrue();
                replayed = ((WireResult.Valid) TextOperation.fromWire((List<?>) entry.get("op"))).operation().apply(replayed);
            }
            assertThat(((Map<?, ?>) http.get("api/docs/" + doc).json()).get("text")).isEqualTo(replayed);
            for (Writer writer : writers) {
                if (writer.doc.equals(doc)) {
                    writer.acked.forEach((seq, rev) -> {
                        Map<?, ?> entry = (Map<?, ?>) ops.get(rev.intValue());
                        assertThat(entry.get("src") + "/" + ((Number) entry.get("seq")).longValue())
                                .as("acknowledged at " + rev).isEqualTo(writer.src + "/" + seq);
                    });
                    assertThat(replayed).isEqualTo(writer.text);
                }
            }
        }
    }

    /** One client alone on its document, appending a word at a time, as a reconnecting editor would. */
    private static final class Writer {
        final String doc;
        final String src;
        final URI socket;
        final Map<Long, Long> acked = new ConcurrentHashMap<>();
        volatile ProtocolClient connection;
        String text = "";
        long rev;
        boolean joinedBefore;
        long seq;
        /** The operation awaiting its ack: its seq, base revision and word. */
        Long pendingSeq;
        long pendingRev;
        String pendingWord;

        Writer(String doc, String src, URI base) {
            this.doc = doc;
            this.src = src;
            this.socket = HttpApi.webSocket(base, "ws/docs/" + doc);
        }

        /** Reconnects with the revision it has and settles the catch-up; resends what is pending. */
        void connect() throws Exception {
            connection = ProtocolClient.connect(socket);
            connection.hello(src, src, joinedBefore ? rev : null);
            Map<String, Object> welcome = connection.next("welcome");
            long head = ProtocolClient.number(welcome, "head");
            if (!joinedBefore) {
                text = (String) welcome.get("text");
                rev = head;
                joinedBefore = true;
            }
            while (rev < head) {
                Map<String, Object> op = connection.next("op");
                // alone on the document: every op in the catch-up is its own pending one
                assertThat(op.get("src")).isEqualTo(src);
                assertThat(ProtocolClient.number(op, "seq")).isEqualTo(pendingSeq);
                acknowledge(ProtocolClient.number(op, "rev"));
            }
            if (pendingSeq != null) {
                connection.op(pendingRev, pendingSeq, word(pendingWord));
            }
        }

        void run() {
            try {
                while (connection.isOpen()) {
                    if (pendingSeq == null) {
                        pendingSeq = ++seq;
                        pendingRev = rev;
                        pendingWord = src + ":" + seq + " ";
                        connection.op(pendingRev, pendingSeq, word(pendingWord));
                    }
                    Map<String, Object> message = connection.poll(Duration.ofMillis(200));
                    if (message != null && "ack".equals(message.get("type")) && ProtocolClient.number(message, "seq") == pendingSeq) {
                        acknowledge(ProtocolClient.number(message, "rev"));
                    } else if (message != null && !"ack".equals(message.get("type")) && !"pong".equals(message.get("type"))) {
                        throw new AssertionError(src + ": unexpected " + message);
                    }
                }
            } catch (java.io.IOException | IllegalStateException dropped) {
                // the server was killed under us: the next connect resumes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private List<Object> word(String word) {
            return text.isEmpty() ? List.of(word) : List.of(text.length(), word);
        }

        private void acknowledge(long at) {
            acked.put(pendingSeq, at);
            text = text + pendingWord;
            rev = at + 1;
            pendingSeq = null;
        }

        /** Waits for the ack of the operation still pending, if any (on the last start, nobody else writes). */
        void settle() throws InterruptedException {
            while (pendingSeq != null) {
                Map<String, Object> ack = connection.await("ack");
                if (ProtocolClient.number(ack, "seq") == pendingSeq) {
                    acknowledge(ProtocolClient.number(ack, "rev"));
                }
            }
        }
    }
}
