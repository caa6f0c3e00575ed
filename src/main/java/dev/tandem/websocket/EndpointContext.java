package dev.tandem.websocket;

import dev.tandem.Settings;
import dev.tandem.access.AccessControl;
import dev.tandem.document.DocumentService;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every {@link DocumentEndpoint} of the web application shares: built once at start-up by
 * the application's listener and handed over through {@link EndpointConfigurator}.
 *
 * @param service the document service
 * @param settings limits and timings
 * @param timers   runs heartbeats and closes (which may block on the network), never on the
 *                 document's lane; owned and shut down by whoever built this
 * @param senders  flushes connections' outbound queues ({@link Outbox}): a few threads whose tasks
 *                 never block; owned and shut down by whoever built this, after the timers
 * @param metrics  where connections, failures, ack latencies and queued bytes are counted
 * @param closes   what the server closed, by close code (reported by {@code /health})
 * @param access   with sign-in, each caller's role on the document (which decides the connection's
 *                 mode and is watched while it lasts); {@code null} without sign-in
 */
public record EndpointContext(DocumentService service, Settings settings, ScheduledExecutorService timers,
                              Executor senders, TransportMetrics metrics, CloseCounts closes, AccessControl access) {
}
