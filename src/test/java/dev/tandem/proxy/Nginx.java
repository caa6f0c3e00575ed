package dev.tandem.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx in front of Tandem, run as a child process of the test with
 * {@code deploy/nginx/tandem.conf} as shipped but for the values a deployment changes anyway
 * (listen ports, upstream, server name, certificate) and the read timeout. Each replaced line
 * must be in the file exactly once, so a change to the shipped file cannot slip past the test.
 * Its configuration, pid and logs live in one directory under {@code target/}.
 */
final class Nginx implements AutoCloseable {

    /** The shipped configuration, relative to the project (Failsafe runs in it). */
    static final Path SHIPPED = Path.of("deploy", "nginx", "tandem.conf");

    private final Process process;
    private final Path directory;
    private final Thread stopAtExit;

    private Nginx(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        // should the test JVM be stopped before @AfterAll, nginx must not outlive it
        this.stopAtExit = new Thread(process::destroy, "stop-nginx");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** nginx from the PATH or Debian's /usr/sbin, or empty when the machine has none. */
    static Optional<Path> executable() {
        Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of);
        return Stream.concat(path, Stream.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin")))
                .map(dir -> dir.resolve("nginx")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts nginx with the shipped site on 127.0.0.1 and waits until both ports accept connections.
     *
     * @param readTimeout nginx's {@code proxy_read_timeout}, in place of the shipped 90 s
     */
    static Nginx start(Path executable, Path directory, int httpPort, int httpsPort, int upstreamPort,
                       TestCertificate certificate, Duration readTimeout) throws IOException, InterruptedException {
        Files.createDirectories(directory.resolve("temp"));
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
        changes.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        changes.put("listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;");
        // the test talks to IPv4 loopback only, and not every machine has IPv6
        changes.put("listen [::]:80;", "# (IPv6 left out by the test)");
        changes.put("listen [::]:443 ssl;", "# (IPv6 left out by the test)");
        changes.put("server_name notes.example.org;", "server_name localhost;");
        changes.put("/etc/letsencrypt/live/notes.example.org/fullchain.pem;", certificate.certificatePem() + ";");
        changes.put("/etc/letsencrypt/live/notes.example.org/privkey.pem;", certificate.keyPem() + ";");
        changes.put("proxy_read_timeout 90s;", "proxy_read_timeout " + readTimeout.toMillis() + "ms;");
        String site = Files.readString(SHIPPED);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            int count = site.split(java.util.regex.Pattern.quote(change.getKey()), -1).length - 1;
            if (count != 1) {
                throw new IllegalStateException(SHIPPED + " has \"" + change.getKey() + "\" " + count
                        + " times; the test replaces it and expects it once: update Nginx.java with the file");
            }
            site = site.replace(change.getKey(), change.getValue());
        }
        Files.writeString(directory.resolve("tandem.conf"), site);
        Path temp = directory.resolve("temp").toAbsolutePath();
        // the main file a distribution provides (Debian's /etc/nginx/nginx.conf), reduced to what a test needs
        Files.writeString(directory.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;",
                "pid " + directory.toAbsolutePath().resolve("nginx.pid") + ";",
                "events { worker_connections 256; }",
                "http {",
                "    access_log " + directory.toAbsolutePath().resolve("access.log") + ";",
                "    client_body_temp_path " + temp.resolve("body") + ";",
                "    proxy_temp_path " + temp.resolve("proxy") + ";",
                "    fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "    scgi_temp_path " + temp.resolve("scgi") + ";",
                "    include " + directory.toAbsolutePath().resolve("tandem.conf") + ";",
                "}", ""));
        Process process = new ProcessBuilder(executable.toString(), "-p", directory.toAbsolutePath().toString(),
                "-c", directory.toAbsolutePath().resolve("nginx.conf").toString(),
                "-e", directory.toAbsolutePath().resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, directory);
        try {
            nginx.awaitListening(List.of(httpPort, httpsPort));
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** Polls the ports: nginx says nothing on its own when it is ready. */
    private void awaitListening(List<Integer> ports) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive()) {
                    throw new IOException("nginx exited with " + process.exitValue() + ": " + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("nginx not listening on " + port + " after 20 s: " + log());
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** nginx's error log and output, for a failure message. */
    String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            try {
                Path file = directory.resolve(name);
                if (Files.exists(file)) {
                    text.append("\n--- ").append(file).append('\n').append(Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    /** Stops nginx (SIGTERM: a fast shutdown) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down already
        }
    }
}
