package dev.tandem.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md's comment threads over HTTP, on a document edited over the WebSocket. */
public abstract class CommentScenarios extends Scenarios {

    private HttpApi http() {
        return new HttpApi(base());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HttpApi.request(base().resolve(path), method, body, "Content-Type", "application/json");
    }

    private List<?> threads(String doc) throws Exception {
        HttpApi.Answer listed = http().get("api/docs/" + doc + "/threads");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return (List<?>) listed.json();
    }

    private static long number(Object json, String field) {
        return ((Number) ((Map<?, ?>) json).get(field)).longValue();
    }

    private static final String OPEN = "{\"thread\":\"thread-001\",\"comment\":\"comment-001\",\"rev\":1,\"from\":4,\"to\":7,"
            + "\"text\":\"Which two?\",\"author\":\"Bo\",\"src\":\"bo-00000001\"}";

    @Test
    void aThreadFollowsTheTextAndDetachesWhenItIsDeleted() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            ana.next("welcome");
            ana.op(0, 1, List.of("one two three"));
            ana.next("ack");

            assertThat(http().post("api/docs/" + doc + "/threads", OPEN).status()).isEqualTo(201);
            assertThat(http().post("api/docs/" + doc + "/threads", OPEN).status()).as("a resend is kept once").isEqualTo(201);

            ana.op(1, 2, List.of(5, "-", 8));              // "one t-wo three": typed inside
            ana.next("ack");
            ana.op(2, 3, List.of(">> ", 14));              // ">> one t-wo three"
            ana.next("ack");
            Map<?, ?> thread = (Map<?, ?>) threads(doc).get(0);
            assertThat(List.of(number(thread, "rev"), number(thread, "from"), number(thread, "to"))).containsExactly(3L, 7L, 11L);
            assertThat(http().get("api/docs/" + doc + "/text").body().substring(7, 11)).isEqualTo("t-wo");
            assertThat(thread.get("detached")).isEqualTo(false);
            assertThat(thread.get("quote")).isEqualTo("two");
            Map<?, ?> first = (Map<?, ?>) ((List<?>) thread.get("comments")).get(0);
            assertThat(first.get("text")).isEqualTo("Which two?");
            assertThat(first.get("author")).isEqualTo("Bo");
            assertThat(first.containsKey("src")).isFalse();

            ana.op(3, 4, List.of(7, -5, 5));               // ">> one three"
            ana.next("ack");
            thread = (Map<?, ?>) threads(doc).get(0);
            assertThat(thread.get("detached")).isEqualTo(true);
            assertThat(number(thread, "from")).isEqualTo(number(thread, "to")).isEqualTo(7);
            assertThat(thread.get("quote")).isEqualTo("two");
            // comments made over HTTP send a version 1 client nothing it does not know
            assertThat(ana.drain()).extracting(m -> m.get("type")).allMatch(type -> List.of("op", "ack", "presence", "join", "leave", "select")
                    .contains(type));
        }
    }

    @Test
    void replyResolveEditAndDelete() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            ana.next("welcome");
            ana.op(0, 1, List.of("one two three"));
            ana.next("ack");
        }
        http().post("api/docs/" + doc + "/threads", OPEN);
        String reply = "{\"comment\":\"comment-002\",\"text\":\"The second.\",\"author\":\"Ana\",\"src\":\"ana-0000001\"}";
        assertThat(http().post("api/docs/" + doc + "/threads/thread-001/comments", reply).status()).isEqualTo(201);
        assertThat(send("PUT", "api/docs/" + doc + "/threads/thread-001", "{\"resolved\":true,\"by\":\"Ana\"}").statusCode()).isEqualTo(204);
        Map<?, ?> thread = (Map<?, ?>) threads(doc).get(0);
        assertThat(thread.get("resolved")).isEqualTo(true);
        assertThat(thread.get("resolvedBy")).isEqualTo("Ana");
        assertThat((List<?>) thread.get("comments")).hasSize(2);

        HttpResponse<String> notHers = send("PUT", "api/docs/" + doc + "/threads/thread-001/comments/comment-001",
                "{\"text\":\"Mine now\",\"src\":\"ana-0000001\"}");
        assertThat(notHers.statusCode()).isEqualTo(403);
        assertThat(send("PUT", "api/docs/" + doc + "/threads/thread-001/comments/comment-001",
                "{\"text\":\"Which two, exactly?\",\"src\":\"bo-00000001\"}").statusCode()).isEqualTo(204);
        Map<?, ?> edited = (Map<?, ?>) ((List<?>) ((Map<?, ?>) threads(doc).get(0)).get("comments")).get(0);
        assertThat(edited.get("text")).isEqualTo("Which two, exactly?");
        assertThat(edited.get("edited")).isNotNull();
        assertThat(send("DELETE", "api/docs/" + doc + "/threads/thread-001/comments/comment-002", "{\"src\":\"ana-0000001\"}").statusCode())
                .isEqualTo(204);
        assertThat((List<?>) ((Map<?, ?>) threads(doc).get(0)).get("comments")).hasSize(1);
    }

    @Test
    void commentErrorsAreClearAndAReadOnlyLinkOnlyReads() throws Exception {
        String doc = doc();
        String token = ReadOnlyLinkScenarios.viewToken(base(), doc);
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc))) {
            ana.hello(src(), "Ana", null);
            ana.next("welcome");
            ana.op(0, 1, List.of("one two three"));
            ana.next("ack");
        }
        assertError(http().post("api/docs/" + doc + "/threads", OPEN.replace("\"to\":7", "\"to\":70")), 400, "bad-anchor");
        assertError(http().post("api/docs/" + doc + "/threads", OPEN.replace("\"rev\":1", "\"rev\":9")), 404, "unknown-rev");
        assertError(http().post("api/docs/" + doc + "/threads", OPEN.replace("Which two?", "")), 400, "bad-request");
        assertError(http().post("api/docs/" + doc + "/threads", "[]"), 400, "bad-request");
        http().post("api/docs/" + doc + "/threads", OPEN);
        assertError(http().post("api/docs/" + doc + "/threads", OPEN.replace("Which two?", "Other")), 409, "exists");
        assertError(http().post("api/docs/" + doc + "/threads/thread-999/comments",
                "{\"comment\":\"comment-009\",\"text\":\"x\",\"src\":\"ana-0000001\"}"), 404, "not-found");

        HttpApi.Answer viewed = http().get("api/view/" + token + "/threads");
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.body()).contains("Which two?").doesNotContain(doc);
        assertThat(http().post("api/view/" + token + "/threads", OPEN).status()).isEqualTo(405);
        assertThat(threads(doc)).hasSize(1);
    }

    @Test
    void aClientThatAskedForCommentsIsToldOfEveryChangeInOrderAndAVersion1ClientOfNone() throws Exception {
        String doc = doc();
        try (ProtocolClient ana = ProtocolClient.connect(ws(doc)); ProtocolClient old = ProtocolClient.connect(ws(doc))) {
            ana.send(Map.of("type", "hello", "src", src(), "name", "Ana", "features", List.of("comments", "not-yet-invented")));
            Map<String, Object> welcome = ana.next("welcome");
            assertThat(welcome.get("features")).isEqualTo(List.of("comments"));
            old.hello(src(), "Old", null);
            assertThat(old.next("welcome")).doesNotContainKey("features");
            ana.op(0, 1, List.of("one two three"));
            ana.next("ack");

            assertThat(http().post("api/docs/" + doc + "/threads", OPEN).status()).isEqualTo(201);
            Map<String, Object> opened = ana.await("thread");
            assertThat(ProtocolClient.number(opened, "rev")).isEqualTo(1);
            Map<?, ?> thread = (Map<?, ?>) opened.get("thread");
            assertThat(List.of(number(thread, "from"), number(thread, "to"))).containsExactly(4L, 7L);
            assertThat(thread.get("quote")).isEqualTo("two");

            ana.op(1, 2, List.of(">> ", 13));
            ana.next("ack");
            String reply = "{\"comment\":\"comment-002\",\"text\":\"Yes.\",\"author\":\"Ana\",\"src\":\"ana-0000001\"}";
            assertThat(http().post("api/docs/" + doc + "/threads/thread-001/comments", reply).status()).isEqualTo(201);
            Map<String, Object> replied = ana.await("thread");
            assertThat(ProtocolClient.number(replied, "rev")).as("at the revision the client is at").isEqualTo(2);
            thread = (Map<?, ?>) replied.get("thread");
            assertThat(List.of(number(thread, "from"), number(thread, "to"))).containsExactly(7L, 10L);
            assertThat((List<?>) thread.get("comments")).hasSize(2);

            assertThat(send("PUT", "api/docs/" + doc + "/threads/thread-001", "{\"resolved\":true}").statusCode()).isEqualTo(204);
            assertThat(((Map<?, ?>) ana.await("thread").get("thread")).get("resolved")).isEqualTo(true);
            send("DELETE", "api/docs/" + doc + "/threads/thread-001/comments/comment-002", "{\"src\":\"ana-0000001\"}");
            ana.await("thread");
            send("DELETE", "api/docs/" + doc + "/threads/thread-001/comments/comment-001", "{\"src\":\"bo-00000001\"}");
            Map<String, Object> deleted = ana.await("thread");
            assertThat(deleted.get("deleted")).isEqualTo(true);
            assertThat(deleted.get("id")).isEqualTo("thread-001");

            assertThat(old.drain()).extracting(m -> m.get("type")).as("what the version 1 client met").containsOnly("op");
        }
    }

    private static void assertError(HttpApi.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(((Map<?, ?>) answer.json()).get("error")).isEqualTo(code);
    }
}
