package dev.tandem.load;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server as the load generator sees it over HTTP: its {@code /metrics} (CPU, heap), a
 * document's text ({@code GET /api/docs/{id}}), and, for the memory scenario, a full GC through
 * {@code jcmd} when the server's process id is given (the only way to read live heap, not garbage).
 */
final class ServerProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Long serverPid;

    ServerProbe(URI base, Long serverPid) {
        this.base = base;
        this.serverPid = serverPid;
    }

    /** What {@code /metrics} says now: process CPU (0..1 of all cores) and heap used in bytes. */
    record Reading(double cpu, double heapBytes) {
    }

    Reading read() {
        String text = get("metrics");
        double cpu = 0;
        double heap = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("process_cpu_usage ")) {
                cpu = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new Reading(cpu, heap);
    }

    /** The server's text and revision of {@code doc}. */
    JsonObject document(String doc) {
        try (JsonReader reader = jakarta.json.spi.JsonProvider.provider().createReader(new StringReader(get("api/docs/" + doc)))) {
            return reader.readObject();
        }
    }

    /**
     * CPU seconds the server process has used (user + system, from {@code /proc/PID/stat}), or
     * NaN when its pid is not given or it is not on this machine's Linux: exact where
     * {@code process_cpu_usage} is a share of however many cores the JVM believes it has.
     */
    double cpuSeconds() {
        if (serverPid == null) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", serverPid.toString(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, utime 14 and stime 15 (proc(5)), in clock ticks of 1/100 s
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Runs a full GC in the server when its pid is known; returns whether it did. */
    boolean collectGarbage() {
        if (serverPid == null) {
            return false;
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", serverPid.toString(), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + serverPid + " GC.run failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Samples CPU and heap every second while a scenario runs. */
    final class Sampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private double cpuSum;
        private int samples;
        private double cpuMax;
        private double heapMax;

        Sampler() {
            timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
        }

        private synchronized void sample() {
            try {
                Reading reading = read();
                cpuSum += reading.cpu();
                samples++;
                cpuMax = Math.max(cpuMax, reading.cpu());
                heapMax = Math.max(heapMax, reading.heapBytes());
            } catch (RuntimeException e) {
                // a missed sample: the figures come from the others
            }
        }

        synchronized double cpuMean() {
            return samples == 0 ? Double.NaN : cpuSum / samples;
        }

        synchronized double cpuMax() {
            return cpuMax;
        }

        synchronized double heapMaxBytes() {
            return heapMax;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** The machine's 1-minute load average ({@code /proc/loadavg}), or NaN where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Milliseconds a {@code GET} of {@code path} takes, its whole answer read. */
    double timeGet(String path) {
        long start = System.nanoTime();
        get(path);
        return (System.nanoTime() - start) / 1e6;
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
