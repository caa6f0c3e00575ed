package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.Anchor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentsTest extends ServiceFixture {

    private static final String ANA = "ana-0001";

    private static <T> T done(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private List<AnchoredThread> threads(String doc) {
        return done(service.threads(doc)).orElseThrow();
    }

    @Test
    void theAnchorFollowsEditsGrowsWithTextTypedInsideAndDetachesWhenItsTextIsDeleted() {
        start();
        Editor ana = join("notes", ANA);
        ana.edit(insert(0, 0, "one two three"));
        ana.awaitSynchronizedAt(1);
        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 4, 7, "Which two?", "Bo", "bo-00001")))
                .isEqualTo(CommentOutcome.DONE);

        ana.edit(insert(13, 0, ">> "));          // ">> one two three"
        ana.awaitSynchronizedAt(2);
        ana.edit(insert(16, 8, "-"));            // ">> one t-wo three": typed inside
        ana.awaitSynchronizedAt(3);
        ana.edit(insert(17, 11, "!"));           // ">> one t-wo! three": typed at the end, outside
        ana.awaitSynchronizedAt(4);

        AnchoredThread thread = threads("notes").get(0);
        assertThat(thread.anchor()).isEqualTo(Anchor.on(7, 11));
        assertThat(textOf("notes").substring(7, 11)).isEqualTo("t-wo");
        assertThat(thread.rev()).isEqualTo(4);
        assertThat(thread.thread().quote()).isEqualTo("two");

        ana.edit(delete(18, 6, 6));              // ">> one three": all of it deleted
        ana.awaitSynchronizedAt(5);
        assertThat(threads("notes").get(0).anchor()).isEqualTo(new Anchor(6, 6, true));
        assertThat(threads("notes").get(0).thread().quote()).as("the text it was on").isEqualTo("two");
    }

    @Test
    void aResentThreadOrReplyIsKeptOnceAndATakenIdIsAConflict() {
        start();
        Editor ana = join("notes", ANA);
        ana.edit(insert(0, 0, "text"));
        ana.awaitSynchronizedAt(1);

        for (int i = 0; i < 2; i++) {
            assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 0, 4, "Hm", "Ana", ANA))).isEqualTo(CommentOutcome.DONE);
            assertThat(done(service.reply("notes", "thread-01", "comment-02", "Yes", "Bo", "bo-00001"))).isEqualTo(CommentOutcome.DONE);
        }
        assertThat(done(service.openThread("notes", "thread-01", "comment-09", 1, 0, 4, "Other", "Ana", ANA)))
                .isEqualTo(CommentOutcome.CONFLICT);
        assertThat(done(service.reply("notes", "thread-01", "comment-02", "No", "Bo", "bo-00001"))).isEqualTo(CommentOutcome.CONFLICT);
        assertThat(threads("notes")).hasSize(1);
        assertThat(threads("notes").get(0).thread().comments()).extracting(c -> c.text()).containsExactly("Hm", "Yes");
    }

    @Test
    void badRequestsAreOutcomes() {
        start();
        Editor ana = join("notes", ANA);
        ana.edit(insert(0, 0, "a😀b"));
        ana.awaitSynchronizedAt(1);

        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 2, 0, 1, "x", null, ANA))).isEqualTo(CommentOutcome.UNKNOWN_REVISION);
        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 0, 2, "x", null, ANA))).isEqualTo(CommentOutcome.BAD_ANCHOR);
        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 1, 1, "x", null, ANA))).isEqualTo(CommentOutcome.BAD_ANCHOR);
        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 0, 5, "x", null, ANA))).isEqualTo(CommentOutcome.BAD_ANCHOR);
        assertThat(done(service.openThread("notes", "short", "comment-01", 1, 0, 1, "x", null, ANA))).isEqualTo(CommentOutcome.INVALID);
        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 0, 1, " ", null, ANA))).isEqualTo(CommentOutcome.INVALID);
        assertThat(done(service.openThread("notes", "thread-01", "comment-01", 1, 0, 1, "a\u0000", null, ANA))).isEqualTo(CommentOutcome.INVALID);
        assertThat(done(service.openThread("nothing", "thread-01", "comment-01", 0, 0, 1, "x", null, ANA)))
                .isEqualTo(CommentOutcome.NO_SUCH_DOCUMENT);
        assertThat(done(service.reply("notes", "thread-09", "comment-02", "x", null, ANA))).isEqualTo(CommentOutcome.NO_SUCH_THREAD);
        assertThat(done(service.threads("nothing"))).isEmpty();
        assertThat(done(service.get("nothing"))).isEmpty();
    }

    @Test
    void anyoneResolvesButOnlyTheAuthorEditsOrDeletes() {
        start();
        Editor ana = join("notes", ANA);
        ana.edit(insert(0, 0, "text"));
        ana.awaitSynchronizedAt(1);
        done(service.openThread("notes", "thread-01", "comment-01", 1, 0, 4, "Hm", "Ana", ANA));
        done(service.reply("notes", "thread-01", "comment-02", "Yes", "Bo", "bo-00001"));

        assertThat(done(service.resolveThread("notes", "thread-01", true, "Bo"))).isEqualTo(CommentOutcome.DONE);
        assertThat(threads("notes").get(0).thread().resolved()).isTrue();
        assertThat(done(service.resolveThread("notes", "thread-01", false, "Ana"))).isEqualTo(CommentOutcome.DONE);
        assertThat(threads("notes").get(0).thread().resolved()).isFalse();

        assertThat(done(service.editComment("notes", "comment-02", "No", ANA))).isEqualTo(CommentOutcome.FORBIDDEN);
        assertThat(done(service.editComment("notes", "comment-02", "Yes!", "bo-00001"))).isEqualTo(CommentOutcome.DONE);
        assertThat(done(service.deleteComment("notes", "comment-01", "bo-00001"))).isEqualTo(CommentOutcome.FORBIDDEN);
        assertThat(done(service.deleteComment("notes", "comment-01", ANA))).isEqualTo(CommentOutcome.DONE);
        assertThat(done(service.deleteComment("notes", "comment-01", ANA))).isEqualTo(CommentOutcome.NO_SUCH_COMMENT);
        assertThat(threads("notes").get(0).thread().comments()).extracting(c -> c.text()).containsExactly("Yes!");
    }
}
