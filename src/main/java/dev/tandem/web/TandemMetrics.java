package dev.tandem.web;

import dev.tandem.document.SharedDocumentService;
import dev.tandem.websocket.TransportMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tandem's metrics in one Micrometer registry, read as Prometheus text at {@code /metrics}
 * ({@link MetricsServlet}). Names (Prometheus form): {@code tandem_connections},
 * {@code tandem_documents_loaded}, {@code tandem_operations_applied_total},
 * {@code tandem_operations_rejected_total{code}}, {@code tandem_errors_total{code}},
 * {@code tandem_server_closes_total{code}}, {@code tandem_outbound_queue_bytes},
 * {@code tandem_ack_latency_seconds}, {@code tandem_commit_latency_seconds},
 * {@code tandem_commit_operations}, {@code tandem_commit_documents}, and the JVM's ({@code jvm_memory_used_bytes},
 * {@code jvm_gc_pause_seconds}, {@code jvm_threads_live_threads}, {@code process_cpu_usage}…).
 *
 * <p>Threading: every recording method may be called from any thread; Micrometer's meters are
 * thread-safe. {@link #close()} stops the GC listener the JVM binder installed.
 */
final class TandemMetrics implements TransportMetrics, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicInteger connections = new AtomicInteger();
    /** Changed once per message queued and once per frame: a LongAdder, so that no two lanes contend. */
    private final LongAdder queuedBytes = new LongAdder();
    private final Counter applied;
    private final Timer ackLatency;
    private final Timer commitLatency;
    private final DistributionSummary commitOperations;
    private final DistributionSummary commitDocuments;

    TandemMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("tandem.connections", connections, AtomicInteger::get)
                .description("open WebSocket connections").register(registry);
        Gauge.builder("tandem.outbound.queue", queuedBytes, LongAdder::sum).baseUnit("bytes")
                .description("estimated bytes waiting in the connections' outbound queues, not yet handed to the container")
                .register(registry);
        applied = Counter.builder("tandem.operations.applied")
                .description("operations applied and stored durably").register(registry);
        ackLatency = Timer.builder("tandem.ack.latency")
                .description("from an op message's arrival to its ack leaving for the outbound queue")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        commitLatency = Timer.builder("tandem.commit.latency")
                .description("one write of decided operations (all documents of a group commit) to the store")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        commitOperations = DistributionSummary.builder("tandem.commit.operations")
                .description("operations written by one commit").baseUnit("operations")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000).register(registry);
        commitDocuments = DistributionSummary.builder("tandem.commit.documents")
                .description("documents written by one commit").baseUnit("documents").register(registry);
    }

    /** Reports the service's loaded documents. */
    void watch(SharedDocumentService service) {
        Gauge.builder("tandem.documents.loaded", service, SharedDocumentService::loadedDocuments)
                .description("documents held in memory").register(registry);
    }

    /** A commit took {@code nanos}, wrote {@code documents} documents' batches, and made {@code durable} operations durable. */
    void committed(long nanos, int documents, int durable) {
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
        commitDocuments.record(documents);
        commitOperations.record(durable);
        applied.increment(durable);
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void opened() {
        connections.incrementAndGet();
    }

    @Override
    public void closed() {
        connections.decrementAndGet();
    }

    @Override
    public void failed(String code) {
        registry.counter("tandem.errors", "code", code).increment();
    }

    @Override
    public void rejected(String code) {
        registry.counter("tandem.operations.rejected", "code", code).increment();
    }

    @Override
    public void closedByServer(int closeCode) {
        registry.counter("tandem.server.closes", "code", Integer.toString(closeCode)).increment();
    }

    @Override
    public void queued(long delta) {
        queuedBytes.add(delta);
    }

    @Override
    public void acknowledged(long nanos) {
        ackLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
