package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md's HTTP table: every route with its statuses. */
public abstract class HttpApiScenarios extends Scenarios {

    private HttpApi http() {
        return new HttpApi(base());
    }

    /** A document with revisions 0..2: "a", "ab", "abc". */
    private String documentWithThreeRevisions() throws Exception {
        String doc = doc();
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

    @Test
    void createAndGetDocumentsButListNone() throws Exception {
        String doc = doc();
        HttpApi.Answer created = http().post("api/docs", "{\"id\":\"" + doc + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(((Map<?, ?>) created.json()).get("id")).isEqualTo(doc);
        assertThat((String) ((Map<?, ?>) created.json()).get("viewToken")).matches("[A-Za-z0-9_-]{22}");
        assertThat(http().post("api/docs", "{\"id\":\"" + doc + "\"}").status()).isEqualTo(409);

        HttpApi.Answer fresh = http().post("api/docs", "");
        assertThat(fresh.status()).isEqualTo(201);
        String freshId = (String) ((Map<?, ?>) fresh.json()).get("id");
        // drawn by the server: 22 of 62 characters, 131 random bits (PROTOCOL.md: at least 128)
        assertThat(freshId).matches("[A-Za-z0-9]{22}");

        HttpApi.Answer got = http().get("api/docs/" + doc);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.contentType()).startsWith("application/json");
        Map<?, ?> state = (Map<?, ?>) got.json();
        assertThat(state.get("id")).isEqualTo(doc);
        assertThat(state.get("text")).isEqualTo("");
        assertThat(((Number) state.get("rev")).longValue()).isZero();

        // without sign-in, edit token or TANDEM_LIST_DOCUMENTS there is no list (DocumentListArquillianIT: with it)
        assertError(http().get("api/docs"), 404);
    }

    @Test
    void missingDocumentsAre404AndInvalidIds400() throws Exception {
        assertError(http().get("api/docs/" + doc()), 404);
        assertError(http().get("api/docs/-bad"), 400);
        assertError(http().get("api/docs/-bad/text"), 400);
        assertError(http().post("api/docs", "{\"id\":\"no spaces\"}"), 400);
        assertError(http().post("api/docs", "{not json"), 400);
        assertError(http().get("api/docs/" + doc() + "/text"), 404);
        assertError(http().get("api/docs/" + doc() + "/ops"), 404);
    }

    @Test
    void textAtAnyRevisionIsPlainText() throws Exception {
        String doc = documentWithThreeRevisions();
        HttpApi.Answer head = http().get("api/docs/" + doc + "/text");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/plain");
        assertThat(head.body()).isEqualTo("abc");
        assertThat(http().get("api/docs/" + doc + "/text?rev=0").body()).isEqualTo("");
        assertThat(http().get("api/docs/" + doc + "/text?rev=2").body()).isEqualTo("ab");
        HttpApi.Answer above = http().get("api/docs/" + doc + "/text?rev=4");
        assertError(above, 404);
        assertThat(((Map<?, ?>) above.json()).get("error")).isEqualTo("unknown-rev");
        assertError(http().get("api/docs/" + doc + "/text?rev=x"), 400);
        assertError(http().get("api/docs/" + doc + "/text?rev=-1"), 400);
    }

    @Test
    void operationsBetweenTwoRevisions() throws Exception {
        String doc = documentWithThreeRevisions();
        List<?> all = (List<?>) http().get("api/docs/" + doc + "/ops").json();
        assertThat(all).hasSize(3);
        Map<?, ?> second = (Map<?, ?>) all.get(1);
        assertThat(((Number) second.get("rev")).longValue()).isEqualTo(1);
        assertThat(second.get("op")).isEqualTo(List.of(java.math.BigDecimal.ONE, "b"));
        assertThat(second.get("name")).isEqualTo("Ana");
        assertThat(List.copyOf(second.keySet())).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("client", "src", "seq", "time");
        List<?> middle = (List<?>) http().get("api/docs/" + doc + "/ops?from=1&to=2").json();
        assertThat(middle).hasSize(1);
        assertThat((List<?>) http().get("api/docs/" + doc + "/ops?from=2").json()).hasSize(1);
        assertError(http().get("api/docs/" + doc + "/ops?from=a"), 400);
    }

    @Test
    void aBodyOverTheMaximumIs413() throws Exception {
        assertError(http().post("api/docs", "{\"id\":\"" + "x".repeat(1024 * 1024) + "\"}"), 413);
    }

    @Test
    void healthIsUpAndTheRootServesTheLandingPage() throws Exception {
        HttpApi.Answer health = http().get("health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(((Map<?, ?>) health.json()).get("status")).isEqualTo("UP");
        HttpApi.Answer root = http().get("");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("<title>Tandem</title>").contains("assets/landing.js");
    }

    @Test
    void pagesAndErrorMessagesSpeakTheReadersLanguageWhileErrorCodesStay() throws Exception {
        String doc = doc();
        String[] portuguese = {"Accept-Language", "pt-BR,pt;q=0.9,en;q=0.5"};
        HttpResponse<String> missing = HttpApi.request(base().resolve("api/docs/" + doc), "GET", null, portuguese);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Language")).hasValue("pt-BR");
        assertThat((Map<Object, Object>) new HttpApi.Answer(404, "", missing.body()).json())
                .containsEntry("error", "not-found").containsEntry("message", "não há documento " + doc);
        HttpResponse<String> inEnglish = HttpApi.request(base().resolve("api/docs/" + doc), "GET", null, "Accept-Language", "de, fr;q=0.5");
        assertThat((Map<Object, Object>) new HttpApi.Answer(404, "", inEnglish.body()).json())
                .containsEntry("error", "not-found").containsEntry("message", "no document " + doc);

        HttpResponse<String> landing = HttpApi.request(base(), "GET", null, portuguese);
        assertThat(landing.body()).contains("<html lang=\"pt-BR\">", "<noscript>O Tandem precisa de JavaScript.</noscript>");
        HttpResponse<String> editor = HttpApi.request(base().resolve("d/" + doc), "GET", null, portuguese);
        assertThat(editor.body()).contains("<html lang=\"pt-BR\">", "assets/editor.js");

        // what the container answers itself comes as Tandem's page, in the reader's language
        for (String nowhere : List.of("no-such-page", "d/-not-an-id")) {
            HttpResponse<String> page = HttpApi.request(base().resolve(nowhere), "GET", null, portuguese);
            assertThat(page.statusCode()).as(nowhere).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).as(nowhere).contains("<html lang=\"pt-BR\">", "Não há nada neste endereço.")
                    .doesNotContain("Tomcat", "GlassFish", "Exception");
        }
        assertThat(HttpApi.request(base().resolve("no-such-page"), "GET", null).body())
                .contains("<html lang=\"en\">", "There is nothing at this address.");
    }

    private static void assertError(HttpApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        Map<?, ?> body = (Map<?, ?>) answer.json();
        assertThat(body.get("error")).isInstanceOf(String.class);
        assertThat(body.get("message")).isInstanceOf(String.class);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
