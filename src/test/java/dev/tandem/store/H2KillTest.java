package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's durability guarantee on the default store: an append that returned survives
 * {@code kill -9} of the JVM. A child JVM appends and reports each returned append; it is killed
 * mid-stream, and every reported revision must be in the reopened file.
 */
class H2KillTest {

    private static final int ACKS_BEFORE_KILL = 300;

    @Test
    void everyAcknowledgedAppendSurvivesKillOfTheJvm() throws Exception {
        Path home = Path.of("target", "h2-kill-test", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(home);
        String url = StoreSettings.defaultUrl(home);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), url)
                .redirectError(Redirect.appendTo(home.resolve("writer.log").toFile()))
                .start();
        long lastAcked = 0;
        try (BufferedReader acks = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastAcked < ACKS_BEFORE_KILL && (line = acks.readLine()) != null) {
                lastAcked = Long.parseLong(line.substring("acked ".length()));
            }
            // SIGKILL on Linux: no shutdown hook, no H2 close, whatever the writer was doing. Sent
            // through the handle, because Process.destroyForcibly also closes the pipe we still read.
            writer.toHandle().destroyForcibly();
            // appends acknowledged after the last line read but before the kill count too
            while ((line = acks.readLine()) != null) {
                lastAcked = Long.parseLong(line.substring("acked ".length()));
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("writer process ended").isTrue();
        }
        assertThat(lastAcked).as("acks seen before the kill (see %s)", home.resolve("writer.log")).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (JdbcDocumentStore reopened = JdbcDocumentStore.open(url, "sa", "")) {
            long head = reopened.summary("crash").orElseThrow().rev();
            assertThat(head).as("head after kill -9, last acknowledged was %d", lastAcked).isGreaterThanOrEqualTo(lastAcked);
            List<StoredOperation> log = reopened.read("crash", 0, head);
            assertThat(log).extracting(StoredOperation::rev).containsExactlyElementsOf(LongStream.range(0, head).boxed().toList());
        }
    }
}
