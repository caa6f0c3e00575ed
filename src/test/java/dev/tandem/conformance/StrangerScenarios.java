package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who holds nothing (no document id, no read-only link) tries every route of the
 * application that needs neither, and learns no document's id, no read-only link's token and no
 * author's {@code src}: the landing page, {@code /api/docs}, {@code /health}, {@code /metrics},
 * the error pages (malformed paths included); and with a read-only link, its routes reveal
 * neither the id nor the authors' {@code src}. The secrets are those of a document that its
 * owner created, edited and selected in just before, through the real WAR.
 */
public abstract class StrangerScenarios extends Scenarios {

    private String id;
    private String viewToken;
    private String ownerSrc;

    /** What a client without the id could have seen (answers, headers), with the route it came from. */
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void anOwnerCreatesAndEditsADocument() throws Exception {
        HttpApi.Answer created = new HttpApi(base()).post("api/docs", "");
        assertThat(created.status()).isEqualTo(201);
        id = (String) ((Map<?, ?>) created.json()).get("id");
        viewToken = (String) ((Map<?, ?>) created.json()).get("viewToken");
        ownerSrc = src();
        try (ProtocolClient owner = ProtocolClient.connect(ws(id))) {
            owner.hello(ownerSrc, "Owner", null);
            owner.next("welcome");
            owner.op(0, 1, List.of("# Secret plans\n"));
            owner.next("ack");
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpResponse<String> answer = HttpApi.request(base().resolve(path), "GET", null, headers);
        seen.add("GET " + path + " → " + answer.statusCode() + " " + answer.headers().map() + "\n" + answer.body());
        return answer;
    }

    /** Everything seen so far names neither the document's id nor its token nor its author's src. */
    private void assertNothingRevealed() {
        assertThat(seen).isNotEmpty();
        for (String answer : seen) {
            assertThat(answer).doesNotContain(id).doesNotContain(viewToken).doesNotContain(ownerSrc);
        }
    }

    @Test
    void theLandingPageAndItsFilesNameNoDocument() throws Exception {
        for (String page : List.of("", "index.html", "editor.html", "favicon.svg")) {
            assertThat(get(page).statusCode()).as(page).isEqualTo(200);
        }
        String landing = get("").body();
        for (String script : scripts(landing)) {
            assertThat(get(script).statusCode()).as(script).isEqualTo(200);
        }
        assertNothingRevealed();
    }

    @Test
    void theDocumentListIsNotThereForStrangers() throws Exception {
        HttpResponse<String> list = get("api/docs");
        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(list.body()).contains("\"error\":\"not-found\"");
        // creating a document of one's own answers with that one only
        HttpApi.Answer mine = new HttpApi(base()).post("api/docs", "");
        assertThat(mine.status()).isEqualTo(201);
        seen.add("POST api/docs → " + mine.body());
        assertNothingRevealed();
    }

    @Test
    void healthAndMetricsNameNoDocument() throws Exception {
        assertThat(get("health").statusCode()).isEqualTo(200);
        // as the application sees it, from an address that is not loopback (the build's client is a
        // trusted proxy on loopback, so its X-Forwarded-For is believed): refused
        HttpResponse<String> fromAfar = get("metrics", "X-Forwarded-For", "203.0.113.7");
        assertThat(fromAfar.statusCode()).isEqualTo(403);
        assertThat(fromAfar.body()).contains("\"error\":\"forbidden\"");
        // and what the operator's Prometheus on loopback reads names no document either
        assertThat(get("metrics").statusCode()).isEqualTo(200);
        assertNothingRevealed();
    }

    @Test
    void errorsAreTheApplicationsOwnJsonUnderApiAndPagesElsewhere() throws Exception {
        for (String path : List.of("api/nope", "api/docs/-bad", "api/docs/" + id.substring(1) + "/nope",
                "api/view/" + "A".repeat(22), "api/view/short", "ws/docs/")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(answer.body()).as(path).startsWith("{\"error\":");
        }
        for (String path : List.of("nope", "d/-bad", "d/", "v/short", "unlock", "error", "assets/nope.js")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).as(path).contains("<h1>Not found</h1>");
        }
        for (String answer : seen) {
            assertThat(answer).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("glassfish")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertNothingRevealed();
    }

    @Test
    void malformedPathsAnswerWithoutTheServersReportOrVersion() throws Exception {
        for (String path : List.of("/api/docs/%00", "/api/docs/..%2Fetc", "/api/docs/../../etc/passwd", "/d/%00", "/%2e%2e/%2e%2e/etc/passwd")) {
            String answer = raw(path);
            seen.add("GET " + path + " → " + answer);
            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
            if (!"glassfish".equals(System.getProperty("it.container"))) {
                // GlassFish's own answer to what it refuses is configured in its domain (README; not by this build)
                assertThat(answer).as(path).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
            }
        }
        assertNothingRevealed();
    }

    @Test
    void aReadOnlyLinkRevealsNeitherTheIdNorTheAuthorsSrc() throws Exception {
        assertThat(get("v/" + viewToken).statusCode()).isEqualTo(200);
        assertThat(get("api/view/" + viewToken).body()).contains("Secret plans");
        assertThat(get("api/view/" + viewToken + "/text?rev=1").statusCode()).isEqualTo(200);
        HttpResponse<String> ops = get("api/view/" + viewToken + "/ops");
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"client\":").doesNotContain("\"src\"");
        try (ProtocolClient owner = ProtocolClient.connect(ws(id));
             ProtocolClient viewer = ProtocolClient.connect(HttpApi.webSocket(base(), "ws/view/" + viewToken))) {
            owner.hello(ownerSrc, "Owner", 1L);
            owner.next("welcome");
            viewer.hello(src(), "Stranger", null);
            seen.add("welcome " + viewer.next("welcome"));
            owner.op(1, 2, List.of(15, "Nobody must know.\n"));
            owner.next("ack");
            owner.select(2, 3, 3);
            seen.add("op " + viewer.next("op"));
            seen.add("select " + viewer.next("select"));
        }
        // the token is what the viewer holds: only the id and the src must stay unknown
        for (String answer : seen) {
            assertThat(answer).doesNotContain(id).doesNotContain(ownerSrc);
        }
    }

    /** The landing page's scripts and style sheets, as the browser would load them. */
    private static List<String> scripts(String page) {
        List<String> files = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?:src|href)=\"(assets/[^\"]+)\"").matcher(page);
        while (matcher.find()) {
            files.add(matcher.group(1));
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    /** {@code path} sent as it is (no client normalises or encodes it), and the whole answer. */
    private String raw(String path) throws Exception {
        URI base = base();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
