package dev.tandem.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.conformance.Scenarios;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's container authentication, on the real Tomcat with its own realm: the build
 * deploys {@code tandem-secured.war} at {@code /secured} — the same WAR with the README's
 * {@code security-constraint} and BASIC {@code login-config} in its {@code web.xml}
 * ({@code src/test/secured/web.xml}) — and gives the Cargo Tomcat a user {@code editor} with the
 * role {@code tandem-editor} ({@code cargo.servlet.users}, i.e. {@code tomcat-users.xml}).
 * Everything reached by a document's id needs the user; read-only links stay open.
 */
class ContainerAuthIT extends Scenarios {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USER = "editor";

    @Override
    protected URI base() {
        return baseFromBuild().resolve("secured/");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String password() {
        String password = System.getProperty("it.secured.password");
        if (password == null) {
            throw new IllegalStateException("it.secured.password is not set: run through `mvn verify`");
        }
        return password;
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return HttpApi.request(base().resolve(path), method, body, headers);
    }

    private URI wsView(String token) {
        return HttpApi.webSocket(base(), "ws/view/" + token);
    }

    @Test
    void withoutTheUserNothingReachedByAnIdAnswers() throws Exception {
        String doc = doc();
        HttpResponse<String> list = send("GET", "api/docs", null);
        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(list.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWithIgnoringCase("Basic"));
        assertThat(send("POST", "api/docs", "{}", "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(send("GET", "api/docs/" + doc, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "d/" + doc, null).statusCode()).isEqualTo(401);
        assertThat(handshakeStatus(ws(doc), null)).as("WebSocket handshake without credentials").isEqualTo(401);

        String wrong = basic(USER, "not-" + password());
        assertThat(send("GET", "api/docs", null, "Authorization", wrong).statusCode()).isEqualTo(401);
        assertThat(handshakeStatus(ws(doc), wrong)).as("WebSocket handshake with a wrong password").isEqualTo(401);
    }

    @Test
    void theUserEditsAndReadOnlyLinksStayOpen() throws Exception {
        String credentials = basic(USER, password());
        String doc = doc();
        HttpResponse<String> created = send("POST", "api/docs", "{\"id\":\"" + doc + "\"}",
                "Content-Type", "application/json", "Authorization", credentials);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher viewToken = Pattern.compile("\"viewToken\":\"([A-Za-z0-9_-]{22})\"").matcher(created.body());
        assertThat(viewToken.find()).as(created.body()).isTrue();
        String token = viewToken.group(1);

        try (ProtocolClient editor = ProtocolClient.connect(ws(doc), Map.of("Authorization", credentials))) {
            editor.hello(src(), "Ana", null);
            assertThat(editor.next("welcome")).containsEntry("mode", "edit");
            editor.op(0, 1, List.of("guarded"));
            editor.next("ack");
        }
        assertThat(send("GET", "api/docs/" + doc, null, "Authorization", credentials).body()).contains("\"text\":\"guarded\"");
        assertThat(send("GET", "d/" + doc, null, "Authorization", credentials).statusCode()).isEqualTo(200);

        // the read-only routes are outside the constraint
        HttpResponse<String> view = send("GET", "api/view/" + token, null);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"text\":\"guarded\"");
        assertThat(send("GET", "v/" + token, null).statusCode()).isEqualTo(200);
        try (ProtocolClient viewer = ProtocolClient.connect(wsView(token))) {
            viewer.hello(src(), "Bo", null);
            assertThat(viewer.next("welcome")).containsEntry("mode", "view").containsEntry("text", "guarded");
        }
    }

    /**
     * The handshake's HTTP status, with an {@code Authorization} header or none: 101 when accepted.
     * Over the JDK's client: Tyrus 2.1.5 answers a 401 carrying a Basic challenge with a
     * NullPointerException instead of the status.
     */
    private static int handshakeStatus(URI uri, String authorization) throws Exception {
        WebSocket.Builder handshake = HTTP.newWebSocketBuilder();
        if (authorization != null) {
            handshake.header("Authorization", authorization);
        }
        try {
            WebSocket accepted = handshake.buildAsync(uri, new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
            accepted.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
