package dev.tandem.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance protected by {@code TANDEM_EDIT_TOKEN} (given here as a context parameter of the
 * deployment, as Tomcat's {@code <Parameter>} would): nothing reached by a document's id works
 * without the token, read-only links still do, and a browser unlocks it with a cookie.
 */
@ExtendWith(ArquillianExtension.class)
class EditTokenArquillianIT {

    private static final String TOKEN = "correct-horse-battery-staple-42";

    @ArquillianResource
    private URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tandem().setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>TANDEM_EDIT_TOKEN</param-name><param-value>%s</param-value></context-param>
                </web-app>
                """.formatted(TOKEN)));
    }

    private URI base() {
        return Deployments.uri(deployed);
    }

    private URI ws(String path) {
        return HttpApi.webSocket(base(), path);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return HttpApi.request(base().resolve(path), method, body, headers);
    }

    @Test
    void withoutTheTokenNothingReachedByAnIdWorks() throws Exception {
        assertThat(send("GET", "api/docs", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "api/docs", "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = send("GET", "api/docs/notes", null, "Authorization", "Bearer wrong-but-long-enough-token");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(ProtocolClient.handshakeStatus(ws("ws/docs/notes"), null)).isEqualTo(401);
    }

    @Test
    void theBearerTokenEditsAndReadOnlyLinksStayOpen() throws Exception {
        String bearer = "Bearer " + TOKEN;
        HttpResponse<String> created = send("POST", "api/docs", "{\"id\":\"guarded\"}", "Authorization", bearer);
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher viewToken = Pattern.compile("\"viewToken\":\"([A-Za-z0-9_-]{22})\"").matcher(created.body());
        assertThat(viewToken.find()).as(created.body()).isTrue();

        try (ProtocolClient editor = ProtocolClient.connect(ws("ws/docs/guarded"), Map.of("Authorization", bearer))) {
            editor.hello("guarded-src-1", "Ana", null);
            assertThat(editor.next("welcome")).containsEntry("mode", "edit");
            editor.op(0, 1, List.of("safe"));
            editor.next("ack");
        }

        assertThat(send("GET", "api/view/" + viewToken.group(1), null).body()).contains("\"text\":\"safe\"");
        // with an edit token the list is there for those who hold it, each document with its title
        assertThat(send("GET", "api/docs", null, "Authorization", bearer).body())
                .contains("{\"id\":\"guarded\",\"title\":\"safe\",");
        try (ProtocolClient viewer = ProtocolClient.connect(ws("ws/view/" + viewToken.group(1)))) {
            viewer.hello("guarded-src-2", "Bo", null);
            assertThat(viewer.next("welcome")).containsEntry("mode", "view").containsEntry("text", "safe");
        }
    }

    @Test
    void aBrowserUnlocksWithACookieThatTheWebSocketCarries() throws Exception {
        assertThat(send("GET", "unlock", null).body()).contains("<form");
        HttpResponse<String> wrong = send("POST", "unlock", "token=guess-guess-guess-guess",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> right = send("POST", "unlock", "token=" + TOKEN, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(right.statusCode()).isEqualTo(303);
        String setCookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(send("GET", "api/docs", null, "Cookie", cookie).statusCode()).isEqualTo(200);
        try (ProtocolClient editor = ProtocolClient.connect(ws("ws/docs/unlocked"), Map.of("Cookie", cookie))) {
            editor.hello("unlocked-src-1", null, null);
            assertThat(editor.next("welcome")).containsEntry("mode", "edit");
        }
    }
}
