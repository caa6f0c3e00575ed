package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.ProtocolClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19: every fresh connection is welcomed, on Tomcat and on GlassFish. 1,000 connections
 * are opened one after the other, each to a new document, and each says a valid {@code hello}:
 * each must get its {@code welcome}, and none may be closed first.
 *
 * <p>Why a thousand: on GlassFish 7 (Tyrus 2.1.5) a few fresh connections in a thousand were
 * closed before their welcome, with 1000 "Session closed by the container because of the idle
 * timeout." Tyrus gives each new session the container's default idle timeout (none) and
 * schedules its idle check at once; when the endpoint set its own timeout in {@code @OnOpen}
 * while that check was on its way, the check saw a timeout and closed the session as idle (1006,
 * sent as 1000). Seen failing on the code before the fix: 3 of 1,000 (#2, #52, #96) on a
 * GlassFish started with {@code -Pglassfish} while the machine was busy; on a quiet machine the
 * race is rarer, and a run may pass by chance.
 */
class FreshConnectionsIT extends Scenarios {

    private static final int CONNECTIONS = 1_000;

    @Override
    protected URI base() {
        return baseFromBuild();
    }

    @Test
    @Timeout(240) // ~10 ms a connection on Tomcat, ~30 ms on GlassFish; a hang is a failure, not a stuck build
    void aThousandFreshConnectionsInARowAreEachWelcomed() throws Exception {
        List<String> notWelcomed = new ArrayList<>();
        // one connection stays open throughout: the test's shared Tyrus client container shuts its
        // executors down when no connection is left, and a connection opened as that happens waits
        // 30 s for its handshake (the client's failure, not the server's: seen on GlassFish's run)
        try (ProtocolClient keeper = ProtocolClient.connect(ws(doc()))) {
            openOneAfterTheOther(notWelcomed);
        }
        assertThat(notWelcomed).as("connections of %d not welcomed", CONNECTIONS).isEmpty();
    }

    private void openOneAfterTheOther(List<String> notWelcomed) throws Exception {
        for (int i = 0; i < CONNECTIONS; i++) {
            String doc = doc();
            try (ProtocolClient client = ProtocolClient.connect(ws(doc))) {
                client.hello(src(), "Ana", null);
                Map<String, Object> first = firstMessage(client);
                if (first == null || !"welcome".equals(first.get("type"))) {
                    notWelcomed.add("#" + i + " " + doc + ": " + (first != null ? first
                            : client.closesWithin(Duration.ZERO) ? "closed " + client.awaitClose() : "nothing within " + ProtocolClient.TIMEOUT));
                }
            }
        }
    }

    /**
     * The first message, or {@code null} once the connection is closed without one (or after
     * {@link ProtocolClient#TIMEOUT}): a closed connection is seen within a tenth of a second
     * rather than after the whole timeout.
     */
    private static Map<String, Object> firstMessage(ProtocolClient client) throws InterruptedException {
        long deadline = System.nanoTime() + ProtocolClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean closed = client.closesWithin(Duration.ZERO);
            Map<String, Object> message = client.poll(Duration.ofMillis(100));
            if (message != null || closed) {
                return message; // a message sent before the close is still taken
            }
        }
        return null;
    }
}
