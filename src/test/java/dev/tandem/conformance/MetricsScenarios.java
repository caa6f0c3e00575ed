package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} (README "Monitoring"): Prometheus text that moves when the server works. */
public abstract class MetricsScenarios extends Scenarios {

    @Test
    void metricsAreServedAsPrometheusTextAndMoveAfterAnOperation() throws Exception {
        HttpApi http = new HttpApi(base());
        HttpApi.Answer before = http.get("metrics");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.contentType()).startsWith("text/plain");
        assertThat(before.body()).contains("# TYPE tandem_operations_applied_total counter", "jvm_memory_used_bytes{",
                "process_cpu_usage", "tandem_commit_latency_seconds_bucket", "tandem_commit_operations_bucket{",
                "# TYPE tandem_outbound_queue_bytes gauge");
        double appliedBefore = value(before.body(), "tandem_operations_applied_total");

        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            ana.next("welcome");
            ana.op(0, 1, List.of("a"));
            ana.next("ack");
            ana.op(5, 2, List.of(1, "b"));
            ana.next("error");

            String during = http.get("metrics").body();
            assertThat(value(during, "tandem_connections")).isGreaterThanOrEqualTo(1);
            assertThat(value(during, "tandem_documents_loaded")).isGreaterThanOrEqualTo(1);
            assertThat(value(during, "tandem_operations_applied_total")).isGreaterThanOrEqualTo(appliedBefore + 1);
            assertThat(value(during, "tandem_ack_latency_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(value(during, "tandem_errors_total{code=\"unknown-rev\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(during, "tandem_operations_rejected_total{code=\"unknown-rev\"}")).isGreaterThanOrEqualTo(1);
            // what waits in outbound queues: nothing is left waiting once the client has had its answers
            assertThat(value(during, "tandem_outbound_queue_bytes")).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void serverClosesAreCountedByCloseCodeInMetricsAsInHealth() throws Exception {
        HttpApi http = new HttpApi(base());
        double before = optionalValue(http.get("metrics").body(), "tandem_server_closes_total{code=\"1008\"}");
        long healthBefore = closedInHealth(http, "1008");
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc()))) {
            for (int i = 0; i < 10; i++) {
                ana.sendRaw("garbage " + i); // PROTOCOL.md: the 10th bad message in a row closes with 1008
            }
            assertThat(ana.awaitClose().getCloseCode().getCode()).isEqualTo(1008);
        }
        assertThat(value(http.get("metrics").body(), "tandem_server_closes_total{code=\"1008\"}")).isGreaterThanOrEqualTo(before + 1);
        assertThat(closedInHealth(http, "1008")).isGreaterThanOrEqualTo(healthBefore + 1);
    }

    private static long closedInHealth(HttpApi http, String code) throws Exception {
        Map<?, ?> health = (Map<?, ?>) http.get("health").json();
        Object count = ((Map<?, ?>) health.get("closed")).get(code);
        return count == null ? 0 : ((Number) count).longValue();
    }

    /** {@link #value}, or 0 when the series has no sample yet (a counter with labels appears when first counted). */
    private static double optionalValue(String exposition, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? (\\S+)$").matcher(exposition);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    /** The value of the first sample named {@code series} (a name, or a name with its labels). */
    private static double value(String exposition, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? (\\S+)$").matcher(exposition);
        assertThat(sample.find()).as("%s in /metrics", series).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
