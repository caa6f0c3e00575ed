package dev.tandem.load;

import java.util.List;
import java.util.Locale;

/**
 * One scenario's figures: a row of the table and one JSON line.
 *
 * @param extra a figure particular to the scenario (trace edits/s, heap KB per idle author), or NaN
 */
record Result(String scenario, int authors, int documents, double seconds, long acked, Latencies ack, Latencies fanOut,
              long errors, List<String> firstErrors, double cpuMean, double cpuMax, double heapMaxMb, boolean converged,
              String extraName, double extra, double loadBefore, double loadAfter) {

    double opsPerSecond() {
        return seconds > 0 ? acked / seconds : 0;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-22s %7s %5s %9s %24s %26s %6s %11s %8s %5s %14s %9s",
                "scenario", "authors", "docs", "acked/s", "ack p50/p95/p99/max ms", "fan-out p50/p95/p99/max ms",
                "errors", "cpu mean/max", "heap MB", "same", "extra", "load");
    }

    String row() {
        return String.format(Locale.ROOT, "%-22s %7d %5d %9.0f %24s %26s %6d %5.0f%%/%3.0f%% %8.0f %5s %14s %4.1f-%.1f",
                scenario, authors, documents, opsPerSecond(), ack.summary(), fanOut.summary(), errors, cpuMean * 100, cpuMax * 100,
                heapMaxMb, converged ? "yes" : "NO", Double.isNaN(extra) ? "" : String.format(Locale.ROOT, "%.1f %s", extra, extraName),
                loadBefore, loadAfter);
    }

    String json() {
        StringBuilder errorsJson = new StringBuilder("[");
        for (String error : firstErrors) {
            if (errorsJson.length() > 1) {
                errorsJson.append(',');
            }
            errorsJson.append('"').append(error.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ")).append('"');
        }
        errorsJson.append(']');
        String extraJson = extraName == null || extraName.isEmpty() ? ""
                : ",\"" + extraName.replace(' ', '_').replace('/', '_') + "\":" + number(extra);
        return String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"authors\":%d,\"documents\":%d,\"seconds\":%.1f,\"acked\":%d,"
                        + "\"ackedPerSecond\":%.1f,\"ackMs\":%s,\"fanOutMs\":%s,\"errors\":%d,\"firstErrors\":%s,\"serverCpuMean\":%s,"
                        + "\"serverCpuMax\":%s,\"serverHeapMaxMb\":%s,\"converged\":%s%s,\"loadAverage\":[%s,%s]}",
                scenario, authors, documents, seconds, acked, opsPerSecond(), ack.json(), fanOut.json(), errors, errorsJson,
                number(cpuMean), number(cpuMax), number(heapMaxMb), converged, extraJson, number(loadBefore), number(loadAfter));
    }

    /** JSON has no NaN: an unmeasured figure is null. */
    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }
}
