package dev.tandem.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID Connect provider for tests: the Keycloak distribution the build unpacked
 * ({@code keycloak-unpack}), started in dev mode on loopback with the realm file of the
 * repository imported, on its own JDK (Keycloak 26 needs Java 21+; the build runs on 17).
 * Stopped, with every process it started, by {@link #close()} (and at the latest when the test
 * JVM exits). Its log is {@code target/keycloak.log}.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private final Process process;
    private final URI base;

    private KeycloakServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts it as the build describes ({@code it.keycloak.*}) and returns once the realm answers. */
    public static KeycloakServer start(String realm) throws IOException, InterruptedException {
        Path home = Path.of(required("it.keycloak.home"));
        int port = Integer.parseInt(required("it.keycloak.port"));
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        Files.copy(Path.of(required("it.keycloak.realm")), imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Path log = Path.of("target", "keycloak.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-port", Integer.toString(port), "--http-host", "127.0.0.1", "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", required("it.keycloak.java"));
        // what Quarkus asks for on Java 24+ (else its threads fail at shutdown)
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-password-for-tests");
        home.resolve("bin").resolve("kc.sh").toFile().setExecutable(true);
        long started = System.nanoTime();
        KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + port + "/"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try {
            server.awaitRealm(realm);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        System.getLogger(KeycloakServer.class.getName()).log(System.Logger.Level.INFO,
                "Keycloak ready on port {0,number,#} in {1,number,#} s", port, (System.nanoTime() - started) / 1_000_000_000L);
        return server;
    }

    /** The realm's issuer, e.g. {@code http://127.0.0.1:PORT/realms/tandem}. */
    public String issuer(String realm) {
        return base.resolve("realms/" + realm).toString();
    }

    /**
     * Polls the realm's discovery document: Keycloak says nothing to this process when it is
     * ready, so asking is the only way to know.
     */
    private void awaitRealm(String realm) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = base.resolve("realms/" + realm + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with " + process.exitValue() + "; see target/keycloak.log");
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("Keycloak's realm " + realm + " did not answer within " + READY_WITHIN + "; see target/keycloak.log");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run through `mvn verify`");
        }
        return value;
    }
}
