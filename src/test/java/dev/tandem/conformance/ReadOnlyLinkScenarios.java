package dev.tandem.conformance;

import static dev.tandem.testing.ProtocolClient.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import jakarta.websocket.CloseReason.CloseCodes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Read-only links: a document's unguessable token opens it in view mode over the WebSocket
 * ({@code /ws/view/{token}}), the HTTP API ({@code /api/view/{token}}) and the editor page
 * ({@code /v/{token}}), and never reveals the document's id, which would let its holder edit.
 */
public abstract class ReadOnlyLinkScenarios extends Scenarios {

    /** Creates {@code doc} over HTTP and returns its read-only token, as an editor learns it. */
    static String viewToken(URI base, String doc) throws Exception {
        HttpApi http = new HttpApi(base);
        assertThat(http.post("api/docs", "{\"id\":\"" + doc + "\"}").status()).isEqualTo(201);
        HttpApi.Answer got = http.get("api/docs/" + doc);
        assertThat(got.status()).isEqualTo(200);
        return (String) ((Map<?, ?>) got.json()).get("viewToken");
    }

    static URI viewSocket(URI base, String token) {
        return HttpApi.webSocket(base, "ws/view/" + token);
    }

    private HttpApi http() {
        return new HttpApi(base());
    }

    @Test
    void everyDocumentHasItsOwnUnguessableTokenGivenOnlyWithItsId() throws Exception {
        String doc = doc();
        String token = viewToken(base(), doc);
        assertThat(token).matches("[A-Za-z0-9_-]{22}").doesNotContain(doc);
        assertThat(viewToken(base(), doc())).isNotEqualTo(token);
        assertThat(((Map<?, ?>) http().get("api/docs/" + doc).json()).get("viewToken")).isEqualTo(token);
    }

    @Test
    void aViewerFollowsTheEditsWithoutLearningTheIdAndCannotEdit() throws Exception {
        String doc = doc();
        String token = viewToken(base(), doc);
        try (ProtocolClient editor = ProtocolClient.connect(ws(doc));
             ProtocolClient viewer = ProtocolClient.connect(viewSocket(base(), token))) {
            editor.hello(src(), "Ana", null);
            assertThat(editor.next("welcome")).containsEntry("mode", "edit");
            editor.op(0, 1, List.of("hello"));
            editor.next("ack");

            viewer.hello(src(), "Bo", null);
            Map<String, Object> welcome = viewer.next("welcome");
            assertThat(welcome).containsEntry("mode", "view").containsEntry("doc", token).containsEntry("text", "hello");
            assertThat(welcome.toString()).doesNotContain(doc);

            editor.op(1, 2, List.of(5, " world"));
            editor.next("ack");
            Map<String, Object> op = viewer.next("op");
            assertThat(number(op, "rev")).isEqualTo(1);
            assertThat(ProtocolClient.components(op.get("op"))).isEqualTo(List.of(5, " world"));

            viewer.op(2, 1, List.of(11, "!"));
            Map<String, Object> refused = viewer.next();
            assertThat(refused).containsEntry("type", "error").containsEntry("code", "forbidden");
            assertThat(http().get("api/docs/" + doc).json()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("text", "hello world");
        }
    }

    @Test
    void theIdWithAModeParameterStillEdits() throws Exception {
        // the interim ?mode=view is gone: view mode is reached by a read-only link only
        try (ProtocolClient client = ProtocolClient.connect(ws(doc(), "?mode=view"))) {
            client.hello(src(), null, null);
            assertThat(client.next("welcome")).containsEntry("mode", "edit");
        }
    }

    @Test
    void theReadOnlyHttpApiAnswersWithoutTheId() throws Exception {
        String doc = doc();
        String token = viewToken(base(), doc);
        try (ProtocolClient editor = ProtocolClient.connect(ws(doc))) {
            editor.hello(src(), "Ana", null);
            editor.next("welcome");
            editor.op(0, 1, List.of("ab"));
            editor.next("ack");
        }
        HttpApi.Answer state = http().get("api/view/" + token);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json()).isEqualTo(Map.of("rev", java.math.BigDecimal.ONE, "text", "ab"));
        assertThat(http().get("api/view/" + token + "/text?rev=0").body()).isEmpty();
        assertThat(http().get("api/view/" + token + "/text").body()).isEqualTo("ab");
        HttpApi.Answer ops = http().get("api/view/" + token + "/ops");
        assertThat(ops.status()).isEqualTo(200);
        assertThat((List<?>) ops.json()).hasSize(1);
        assertThat(ops.body()).doesNotContain(doc);
        assertThat(http().get("api/view/" + token + "/text?rev=9").status()).isEqualTo(404);
        assertThat(http().get("api/view/" + token + "/text?rev=x").status()).isEqualTo(400);
    }

    @Test
    void unknownAndMalformedTokensOpenNothing() throws Exception {
        String unknown = "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(http().get("api/view/" + unknown).status()).isEqualTo(404);
        assertThat(http().get("api/view/" + unknown + "/ops").status()).isEqualTo(404);
        // (an encoded "../" is the container's to normalise: Tomcat refuses it, GlassFish resolves it
        // to /api/docs, which the edit token guards like any other id route)
        assertThat(http().get("api/view/short").status()).isEqualTo(404);
        assertThat(ProtocolClient.handshakeStatus(viewSocket(base(), "short"), null)).isEqualTo(404);
        try (ProtocolClient client = ProtocolClient.connect(viewSocket(base(), unknown))) {
            assertThat(client.awaitClose().getCloseCode().getCode()).isEqualTo(CloseCodes.VIOLATED_POLICY.getCode());
        }
    }

    @Test
    void theEditorPageOpensOnAReadOnlyLink() throws Exception {
        String token = viewToken(base(), doc());
        HttpApi.Answer page = http().get("v/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(http().get("v/not-a-token").status()).isEqualTo(404);
    }
}
