package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md's named versions: name, list, rename, delete, and restore as a new operation. */
public abstract class VersionScenarios extends Scenarios {

    private HttpApi http() {
        return new HttpApi(base());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HttpApi.request(base().resolve(path), method, body, "Content-Type", "application/json");
    }

    /** "abc" typed by Ana in three revisions. */
    private String typed(String doc) throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            ana.next("welcome");
            ana.op(0, 1, List.of("a"));
            ana.next("ack");
            ana.op(1, 2, List.of(1, "b"));
            ana.next("ack");
            ana.op(2, 3, List.of(2, "c"));
            ana.next("ack");
        }
        return doc;
    }

    private List<?> versions(String doc) throws Exception {
        HttpApi.Answer listed = http().get("api/docs/" + doc + "/versions");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return (List<?>) listed.json();
    }

    @Test
    void nameListRenameAndDeleteAVersion() throws Exception {
        String doc = typed(doc());

        HttpApi.Answer named = http().post("api/docs/" + doc + "/versions", "{\"rev\":2,\"name\":\"Sent to the board\",\"author\":\"Ana\"}");
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        assertThat(versions(doc)).hasSize(1);
        Map<?, ?> version = (Map<?, ?>) versions(doc).get(0);
        assertThat(((Number) version.get("rev")).longValue()).isEqualTo(2);
        assertThat(version.get("name")).isEqualTo("Sent to the board");
        assertThat(version.get("author")).isEqualTo("Ana");
        assertThat((String) version.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        assertThat(send("PUT", "api/docs/" + doc + "/versions/2", "{\"name\":\"Final\"}").statusCode()).isEqualTo(204);
        assertThat(((Map<?, ?>) versions(doc).get(0)).get("name")).isEqualTo("Final");
        assertThat(send("DELETE", "api/docs/" + doc + "/versions/2", null).statusCode()).isEqualTo(204);
        assertThat(versions(doc)).isEmpty();
        assertThat(http().get("api/docs/" + doc + "/text?rev=2").body()).as("the revision stays").isEqualTo("ab");
    }

    @Test
    void versionErrorsAreClear() throws Exception {
        String doc = typed(doc());
        http().post("api/docs/" + doc + "/versions", "{\"rev\":1,\"name\":\"One\"}");

        assertError(http().post("api/docs/" + doc + "/versions", "{\"rev\":1,\"name\":\"Again\"}"), 409, "exists");
        assertError(http().post("api/docs/" + doc + "/versions", "{\"rev\":9,\"name\":\"Later\"}"), 404, "unknown-rev");
        assertError(http().post("api/docs/" + doc + "/versions", "{\"rev\":2,\"name\":\"  \"}"), 400, "invalid-name");
        assertError(http().post("api/docs/" + doc + "/versions", "{\"rev\":\"2\",\"name\":\"x\"}"), 400, "bad-request");
        assertError(http().post("api/docs/" + doc + "/versions", "{not json"), 400, "bad-request");
        assertError(http().post("api/docs/" + doc() + "/versions", "{\"rev\":0,\"name\":\"x\"}"), 404, "not-found");
        HttpResponse<String> renameMissing = send("PUT", "api/docs/" + doc + "/versions/2", "{\"name\":\"x\"}");
        assertThat(renameMissing.statusCode()).isEqualTo(404);
        assertThat(renameMissing.body()).contains("\"not-found\"");
        assertThat(send("DELETE", "api/docs/" + doc + "/versions/x", null).statusCode()).isEqualTo(400);
        assertThat(http().get("api/docs/" + doc() + "/versions").status()).isEqualTo(404);
    }

    @Test
    void restoreIsANewOperationOnTheHeadThatEditorsReceive() throws Exception {
        String doc = typed(doc());
        try (ProtocolClient bo = ProtocolClient.connect(ws(doc))) {
            bo.hello(src(), "Bo", null);
            bo.next("welcome");

            HttpApi.Answer restored = http().post("api/docs/" + doc + "/versions/1/restore", "{\"author\":\"Cy\"}");

            assertThat(restored.status()).as(restored.body()).isEqualTo(200);
            assertThat(((Number) ((Map<?, ?>) restored.json()).get("rev")).longValue()).isEqualTo(4);
            assertThat(((Map<?, ?>) restored.json()).get("changed")).isEqualTo(true);
            Map<String, Object> op = bo.await("op");
            assertThat(ProtocolClient.components(op.get("op"))).containsExactly(1, -2);
        }
        Map<?, ?> logged = (Map<?, ?>) ((List<?>) http().get("api/docs/" + doc + "/ops?from=3").json()).get(0);
        assertThat(logged.get("name")).isEqualTo("Cy");
        assertThat(http().get("api/docs/" + doc + "/text").body()).isEqualTo("a");
        assertThat(http().get("api/docs/" + doc + "/text?rev=3").body()).as("nothing rewritten").isEqualTo("abc");
        // and the restore is undone by restoring the revision before it
        assertThat(http().post("api/docs/" + doc + "/versions/3/restore", "").status()).isEqualTo(200);
        assertThat(http().get("api/docs/" + doc + "/text").body()).isEqualTo("abc");
        assertError(http().post("api/docs/" + doc + "/versions/9/restore", ""), 404, "unknown-rev");
    }

    @Test
    void aReadOnlyLinkListsVersionsButCannotChangeThem() throws Exception {
        String doc = doc();
        String token = ReadOnlyLinkScenarios.viewToken(base(), doc);
        typed(doc);
        http().post("api/docs/" + doc + "/versions", "{\"rev\":1,\"name\":\"One\"}");

        HttpApi.Answer listed = http().get("api/view/" + token + "/versions");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(((Map<?, ?>) ((List<?>) listed.json()).get(0)).get("name")).isEqualTo("One");
        assertThat(http().post("api/view/" + token + "/versions", "{\"rev\":2,\"name\":\"Two\"}").status()).isEqualTo(405);
    }

    private static void assertError(HttpApi.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(((Map<?, ?>) answer.json()).get("error")).isEqualTo(code);
    }
}
