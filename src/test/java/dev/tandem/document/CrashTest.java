package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.DocumentStore;
import dev.tandem.store.JdbcDocumentStore;
import dev.tandem.store.StoreSettings;
import dev.tandem.store.StoredDocument;
import dev.tandem.store.StoredOperation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the service with SIGKILL ({@link Process#destroyForcibly}) at random moments while
 * clients submit, restarts it, and checks after every kill that each acknowledged operation is
 * in the log exactly once, at the revision it was acknowledged at, that the log is contiguous,
 * and that the text loaded (snapshot and tail) equals the replay of the whole log. Operations
 * that were sent but not acknowledged are resent by the next run, as reconnecting clients do.
 */
class CrashTest {

    private static final String DOC = "crash";
    private static final int CLIENTS = 6;

    @TempDir
    Path directory;

    @Test
    void acknowledgedOperationsSurviveRepeatedKillsOnH2() throws Exception {
        String url = StoreSettings.defaultUrl(directory);
        new Crashes(url, "sa", "-", 20).run();
    }

    @Test
    void acknowledgedOperationsSurviveRepeatedKillsOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                .setErrorRedirector(Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                .start()) {
            new Crashes(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "-", 8).run();
        }
    }

    private final class Crashes {
        final String url;
        final String user;
        final String password;
        final int kills;
        final long seed = new Random().nextLong();
        final Random random = new Random(seed);
        /** Every ack seen in any run: src/seq to revision. */
        final Map<String, Long> acked = new HashMap<>();
        /** Per src, the last operation sent and not acknowledged (the arguments of a resend). */
        final Map<String, String> pending = new LinkedHashMap<>();
        int appliedButUnacknowledged;

        Crashes(String url, String user, String password, int kills) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.kills = kills;
        }

        void run() throws Exception {
            System.out.println("CrashTest seed " + seed + " on " + url);
            int resends = 0;
            for (int kill = 1; kill <= kills; kill++) {
                resends += pending.size();
                int acksBeforeKill = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(250);
                runAndKill(acksBeforeKill, kill);
                try {
                    verify(kill);
                } catch (AssertionError | RuntimeException e) {
                    keepEvidence(kill);
                    throw e;
                }
            }
            Map<String, Integer> perClient = new java.util.TreeMap<>();
            acked.keySet().forEach(key -> perClient.merge(key.substring(0, key.indexOf('/')), 1, Integer::sum));
            System.out.println("CrashTest " + kills + " kills, " + acked.size() + " acknowledged operations verified, "
                    + resends + " resends after restarts (" + appliedButUnacknowledged + " of operations applied before the kill"
                    + " but not acknowledged); acknowledged per client " + perClient);
        }

        private void runAndKill(int acksBeforeKill, int kill) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    CrashChild.class.getName(), url, user, password, DOC, String.valueOf(CLIENTS),
                    String.valueOf(random.nextLong())));
            command.addAll(pending.values());
            Process child = new ProcessBuilder(command)
                    .redirectError(directory.resolve("child-" + kill + ".err").toFile())
                    .start();
            int acks = 0;
            boolean ready = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] word = line.split(" ");
                    switch (word[0]) {
                        case "READY" -> ready = true;
                        case "SENT" -> pending.put(word[1], String.join(":", List.of(word).subList(1, word.length)));
                        case "ACK" -> {
                            String key = word[1] + "/" + word[2];
                            Long before = acked.put(key, Long.parseLong(word[3]));
                            assertThat(before == null || before == Long.parseLong(word[3]))
                                    .as(key + " acknowledged at " + before + " and then at " + word[3]).isTrue();
                            String sent = pending.get(word[1]);
                            if (sent != null && sent.split(":")[1].equals(word[2])) {
                                pending.remove(word[1]);
                            }
                            acks++;
                        }
                        case "REJECTED", "ENDED" -> throw new AssertionError("child " + kill + ": " + line);
                        default -> { }
                    }
                    if (ready && acks >= acksBeforeKill) {
                        break;
                    }
                }
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            assertThat(ready).as("child " + kill + " started; see " + directory.resolve("child-" + kill + ".err")).isTrue();
        }

        /** A failed check leaves the database and the children's logs under target/ for a post-mortem. */
        private void keepEvidence(int kill) throws IOException {
            Path evidence = Path.of("target", "crash-evidence", seed + "-kill-" + kill);
            try (var files = Files.walk(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = evidence.resolve(directory.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            System.out.println("CrashTest evidence kept at " + evidence.toAbsolutePath());
        }

        private void verify(int kill) {
            try (DocumentStore store = JdbcDocumentStore.open(url, user, password.equals("-") ? "" : password)) {
                StoredDocument loaded = store.load(DOC).orElse(null);
                if (loaded == null) {
                    // killed before the first join created the document
                    assertThat(acked).as("kill " + kill + ": acknowledged, yet no document").isEmpty();
                    return;
                }
                List<StoredOperation> log = store.read(DOC, 0, loaded.head());
                assertThat(log).hasSize((int) loaded.head());
                String replayed = "";
                Set<String> applied = new HashSet<>();
                for (int rev = 0; rev < log.size(); rev++) {
                    StoredOperation op = log.get(rev);
                    assertThat(op.rev()).as("kill " + kill + ": contiguous log").isEqualTo(rev);
                    assertThat(applied.add(op.src() + "/" + op.seq())).as("kill " + kill + ": once " + op).isTrue();
                    replayed = op.operation().apply(replayed);
                }
                for (String sent : pending.values()) {
                    String[] part = sent.split(":");
                    if (applied.contains(part[0] + "/" + part[1])) {
                        appliedButUnacknowledged++; // its resend must be acknowledged at its revision, not applied again
                    }
                }
                for (Map.Entry<String, Long> ack : acked.entrySet()) {
                    assertThat(ack.getValue()).as("kill " + kill + ": acknowledged " + ack + ", yet the stored head is " + log.size())
                            .isLessThan(log.size());
                    StoredOperation at = log.get(ack.getValue().intValue());
                    assertThat(at.src() + "/" + at.seq()).as("kill " + kill + ": acknowledged " + ack).isEqualTo(ack.getKey());
                }
                assertThat(History.atHead(loaded).text()).as("kill " + kill + ": snapshot and tail").isEqualTo(replayed);
            }
        }
    }

}
