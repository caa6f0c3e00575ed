package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md's {@code /diff}: the changes between two revisions, span by span, with authors. */
public abstract class DiffScenarios extends Scenarios {

    private HttpApi http() {
        return new HttpApi(base());
    }

    /** "hello world" by Ana (rev 1), then Bo replaces "hello" by "big" (revs 2 and 3). */
    private String documentEditedByTwo(String doc) throws Exception {
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            ana.next("welcome");
            ana.op(0, 1, List.of("hello world"));
            ana.next("ack");
        }
        try (ProtocolClient bo = ProtocolClient.connect(ws(doc))) {
            bo.hello(src(), "Bo", null);
            bo.next("welcome");
            bo.op(1, 1, List.of(-5, 6));
            bo.next("ack");
            bo.op(2, 2, List.of("big", 6));
            bo.next("ack");
        }
        return doc;
    }

    private static List<Map<String, Object>> spans(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return ((List<?>) ((Map<?, ?>) answer.json()).get("spans")).stream().map(span -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) span).forEach((key, value) -> copy.put((String) key, value));
            return copy;
        }).toList();
    }

    private static Map<String, Object> span(String kind, String text, String author) {
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("kind", kind);
        span.put("text", text);
        span.put("author", author);
        return span;
    }

    @Test
    void diffGivesEverySpanWithTheAuthorOfItsOperation() throws Exception {
        String doc = documentEditedByTwo(doc());

        HttpApi.Answer answer = http().get("api/docs/" + doc + "/diff?from=1&to=3");

        assertThat(((Number) ((Map<?, ?>) answer.json()).get("from")).longValue()).isEqualTo(1);
        assertThat(((Number) ((Map<?, ?>) answer.json()).get("to")).longValue()).isEqualTo(3);
        assertThat(spans(answer)).containsExactly(
                span("delete", "hello", "Bo"), span("insert", "big", "Bo"), span("keep", " world", null));
        // null authors are written, not left out
        assertThat(answer.body()).contains("\"author\":null");
        assertThat(spans(http().get("api/docs/" + doc + "/diff?from=0&to=3")))
                .containsExactly(span("insert", "big", "Bo"), span("insert", " world", "Ana"));
        assertThat(spans(http().get("api/docs/" + doc + "/diff?from=2&to=2"))).containsExactly(span("keep", " world", null));
    }

    @Test
    void keepAndInsertSpansRebuildTheTextAtToAndKeepAndDeleteTheTextAtFrom() throws Exception {
        String doc = documentEditedByTwo(doc());
        for (int from = 0; from <= 3; from++) {
            for (int to = from; to <= 3; to++) {
                StringBuilder before = new StringBuilder();
                StringBuilder after = new StringBuilder();
                for (Map<String, Object> span : spans(http().get("api/docs/" + doc + "/diff?from=" + from + "&to=" + to))) {
                    if (!span.get("kind").equals("insert")) {
                        before.append(span.get("text"));
                    }
                    if (!span.get("kind").equals("delete")) {
                        after.append(span.get("text"));
                    }
                }
                assertThat(before).as("%d..%d", from, to).hasToString(http().get("api/docs/" + doc + "/text?rev=" + from).body());
                assertThat(after).as("%d..%d", from, to).hasToString(http().get("api/docs/" + doc + "/text?rev=" + to).body());
            }
        }
    }

    @Test
    void badRevisionsAreClearErrors() throws Exception {
        String doc = documentEditedByTwo(doc());
        assertError(http().get("api/docs/" + doc + "/diff?from=0&to=4"), 404, "unknown-rev");
        assertError(http().get("api/docs/" + doc + "/diff?from=2&to=1"), 400, "bad-parameter");
        assertError(http().get("api/docs/" + doc + "/diff?from=0"), 400, "bad-parameter");
        assertError(http().get("api/docs/" + doc + "/diff?from=x&to=1"), 400, "bad-parameter");
        assertError(http().get("api/docs/" + doc() + "/diff?from=0&to=0"), 404, "not-found");
    }

    @Test
    void aReadOnlyLinkGetsTheSameDiff() throws Exception {
        String doc = doc();
        String token = ReadOnlyLinkScenarios.viewToken(base(), doc);
        documentEditedByTwo(doc);

        HttpApi.Answer byLink = http().get("api/view/" + token + "/diff?from=1&to=3");

        assertThat(spans(byLink)).isEqualTo(spans(http().get("api/docs/" + doc + "/diff?from=1&to=3")));
        assertThat(byLink.body()).doesNotContain(doc);
        assertError(http().get("api/view/" + "A".repeat(22) + "/diff?from=0&to=0"), 404, "not-found");
    }

    private static void assertError(HttpApi.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(((Map<?, ?>) answer.json()).get("error")).isEqualTo(code);
        assertThat(((Map<?, ?>) answer.json()).get("message")).isInstanceOf(String.class);
    }
}
