package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} (README "Observability"): Prometheus text that moves when the server works. */
public abstract class MetricsScenarios extends Scenarios {

    @Test
    void metricsAreServedAsPrometheusTextAndMoveAfterAnOperation() throws Exception {
        HttpApi http = new HttpApi(base());
        HttpApi.Answer before = http.get("metrics");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.contentType()).startsWith("text/plain");
        assertThat(before.body()).contains("# TYPE tandem_operations_applied_total counter", "jvm_memory_used_bytes{",
                "process_cpu_usage", "tandem_commit_latency_seconds_bucket");
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
        }
    }

    /** The value of the first sample named {@code series} (a name, or a name with its labels). */
    private static double value(String exposition, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? (\\S+)$").matcher(exposition);
        assertThat(sample.find()).as("%s in /metrics", series).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
