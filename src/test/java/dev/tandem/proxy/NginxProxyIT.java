package dev.tandem.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.ot.TextOperation;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.OtClient;
import dev.tandem.testing.ProtocolClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tandem behind a real nginx with {@code deploy/nginx/tandem.conf}, on plain HTTP and on TLS
 * (a self-signed certificate for {@code localhost}), in front of the WAR in the Cargo Tomcat of
 * the integration tests. nginx runs on free ports rather than 80 and 443: the configuration is
 * the same but for the port numbers, and a build must not need root or collide with a web server.
 *
 * <p>Time is scaled down: the Tomcat pings every {@code it.pingSeconds} (2 s, from
 * {@code TANDEM_PING_SECONDS}) instead of 30, so nginx's read timeout is 3 pings (6 s) instead
 * of 90 s, the same ratio as shipped; a second nginx with a timeout of half a ping shows that
 * the timeout is real.
 */
class NginxProxyIT {

    private static final Path WORK = Path.of("target", "nginx-it");

    private static Duration ping;
    private static Nginx proxy;
    private static Nginx impatient;
    private static SSLContext tls;
    private static int httpPort;
    private static int httpsPort;

    @BeforeAll
    static void startNginx() throws Exception {
        Optional<Path> executable = Nginx.executable();
        assumeTrue(executable.isPresent(), "no nginx on this machine: the reverse-proxy tests are skipped "
                + "(Debian: apt-get install nginx; .ci/run installs it)");
        ping = Duration.ofSeconds(Integer.getInteger("it.pingSeconds", 30));
        int tomcatPort = URI.create(System.getProperty("it.baseUrl")).getPort();
        httpPort = Integer.getInteger("it.nginx.http.port");
        httpsPort = Integer.getInteger("it.nginx.https.port");
        TestCertificate certificate = TestCertificate.make(WORK.resolve("tls"));
        tls = certificate.trust();
        proxy = Nginx.start(executable.get(), WORK.resolve("proxy"), httpPort, httpsPort, tomcatPort, certificate,
                ping.multipliedBy(3));
        impatient = Nginx.start(executable.get(), WORK.resolve("impatient"), Integer.getInteger("it.nginx.impatient.http.port"),
                Integer.getInteger("it.nginx.impatient.https.port"), tomcatPort, certificate, ping.dividedBy(2));
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (impatient != null) {
            impatient.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The address users type: {@code http://localhost:PORT/} or {@code https://localhost:PORT/}. */
    private static URI base(String scheme) {
        return URI.create(scheme + "://localhost:" + (scheme.equals("https") ? httpsPort : httpPort) + "/");
    }

    private static URI ws(String scheme, String doc) {
        return URI.create((scheme.equals("https") ? "wss" : "ws") + base(scheme).toString().substring(scheme.length())
                + "ws/docs/" + doc);
    }

    private static String origin(String scheme, int port) {
        return scheme + "://localhost:" + port;
    }

    private static String fresh(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "https"})
    void twoEditorsConvergeAndTheHttpApiAgrees(String scheme) throws Exception {
        String doc = fresh("proxied-");
        HttpApi http = new HttpApi(base(scheme), tls);
        // the HTTP API's asynchronous servlet behind the forwarded-request filter
        assertThat(http.post("api/docs", "{\"id\":\"" + doc + "\"}").status()).isEqualTo(201);
        try (OtClient ana = OtClient.join(fresh("ana"), ws(scheme, doc), tls);
             OtClient bo = OtClient.join(fresh("bo"), ws(scheme, doc), tls)) {
            for (int i = 0; i < 20; i++) {
                OtClient editor = i % 2 == 0 ? ana : bo;
                synchronized (editor) {
                    int length = editor.text().length();
                    editor.edit(TextOperation.builder().retain(length / 2).insert(i % 2 == 0 ? "a" : "b")
                            .retain(length - length / 2).build());
                }
            }
            ana.awaitSettled();
            bo.awaitSettled();
            long head = ana.sent() + bo.sent(); // edits typed while one was in flight went out composed
            ana.awaitRevision(head);
            bo.awaitRevision(head);
            Map<?, ?> server = (Map<?, ?>) http.get("api/docs/" + doc).json();
            assertThat(((Number) server.get("rev")).longValue()).isEqualTo(head);
            assertThat(server.get("text")).isEqualTo(ana.text()).isEqualTo(bo.text());
            assertThat(ana.text()).hasSize(20);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "https"})
    void theOriginCheckComparesWithTheAddressTheUserSees(String scheme) throws Exception {
        int port = base(scheme).getPort();
        URI socket = ws(scheme, fresh("origin-"));
        assertThat(ProtocolClient.handshakeStatus(socket, origin(scheme, port), tls)).as("own origin").isEqualTo(101);
        assertThat(ProtocolClient.handshakeStatus(socket, "https://evil.example", tls)).as("foreign").isEqualTo(403);
        // the same host and port under the other scheme: Tandem knows which one the user used
        String otherScheme = scheme.equals("https") ? "http" : "https";
        assertThat(ProtocolClient.handshakeStatus(socket, origin(otherScheme, port), tls)).as("other scheme").isEqualTo(403);
        // nor is the proxy's own view of Tandem an origin of its pages
        String internal = System.getProperty("it.baseUrl").replaceAll("/$", "");
        assertThat(ProtocolClient.handshakeStatus(socket, internal, tls)).as("internal").isEqualTo(403);
    }

    @Test
    void anIdleConnectionOutlivesTheProxysReadTimeoutThanksToPings() throws Exception {
        Duration idle = ping.multipliedBy(3).multipliedBy(2).plusSeconds(1); // twice nginx's read timeout
        String doc = fresh("idle-");
        try (ProtocolClient plain = joined(ws("http", doc)); ProtocolClient secure = joined(ws("https", doc))) {
            assertThat(plain.closesWithin(idle)).as("ws:// closed while idle").isFalse();
            assertThat(secure.closesWithin(Duration.ofMillis(1))).as("wss:// closed while idle").isFalse();
            plain.op(0, 1, List.<Object>of("still here"));
            assertThat(plain.next("ack").get("rev")).isNotNull();
            assertThat(secure.next("op").get("op")).isEqualTo(List.of("still here"));
        }
    }

    @Test
    void aReadTimeoutShorterThanThePingIntervalClosesAnIdleConnection() throws Exception {
        URI socket = URI.create("ws://localhost:" + Integer.getInteger("it.nginx.impatient.http.port") + "/ws/docs/" + fresh("cut-"));
        try (ProtocolClient client = joined(socket)) {
            // the first ping would come after one interval and keep it open: nginx closes it before
            assertThat(client.closesWithin(ping.multipliedBy(5))).as("closed by nginx").isTrue();
        }
    }

    private static ProtocolClient joined(URI socket) throws Exception {
        ProtocolClient client = ProtocolClient.connect(socket, null, null, tls);
        client.hello(fresh("src"), "Idle", null);
        client.next("welcome");
        return client;
    }

    /** webapp/browser-test/editor-over-https.mjs in Chromium through the HTTPS side of the proxy. */
    @Test
    void theBrowserEditorWorksOverHttps() throws Exception {
        assumeTrue(!Boolean.getBoolean("it.browser.skip"), "browser tests are off (skip.browser.tests)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium: the browser test is skipped");
        Path webapp = Path.of("webapp");
        assumeTrue(Files.isDirectory(webapp.resolve("node_modules/playwright-core")), "webapp/node_modules missing (npm ci)");
        Path output = WORK.resolve("browser-test.log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "browser-test/editor-over-https.mjs")
                .directory(webapp.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("TANDEM_PROXY_URL", base("https").toString());
        Process process = node.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("browser test finished in 120 s").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).as(log).contains("# pass 1");
    }
}
