package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comment threads: open, reply, list, resolve, edit, delete; ids drawn by clients are never doubled. */
interface CommentContract extends StoreContract {

    Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
    Instant CUT = Instant.parse("2026-03-01T10:15:30.123456Z");

    private static CommentThread thread(String id, String comment, String text) {
        return new CommentThread(id, 1, 0, 2, "ab\u0000", false, null, AT,
                List.of(new Comment(comment, id, "ana-0001", "Ana", text, AT, null)));
    }

    private void typed() {
        appendOrFail("notes", 0, new Typing("ana-0001").type("abc"), 3);
    }

    @Test
    default void aThreadOpensWithItsFirstCommentAndTakesReplies() {
        typed();
        assertThat(store().openThread("notes", thread("thread-01", "comment-01", "Why?\nReally \u0000"))).isTrue();
        assertThat(store().addComment("notes", new Comment("comment-02", "thread-01", "bo-00001", null, "Because.", AT, null))).isTrue();

        assertThat(store().threads("notes")).containsExactly(new CommentThread("thread-01", 1, 0, 2, "ab\u0000", false, null, CUT, List.of(
                new Comment("comment-01", "thread-01", "ana-0001", "Ana", "Why?\nReally \u0000", CUT, null),
                new Comment("comment-02", "thread-01", "bo-00001", null, "Because.", CUT, null))));
        assertThat(store().threads("nothing")).isEmpty();
    }

    @Test
    default void aResentThreadOrCommentIsNotDoubled() {
        typed();
        store().openThread("notes", thread("thread-01", "comment-01", "Why?"));

        assertThat(store().openThread("notes", thread("thread-01", "comment-09", "Other"))).isFalse();
        assertThat(store().openThread("notes", thread("thread-02", "comment-01", "Other"))).isFalse();
        assertThat(store().addComment("notes", new Comment("comment-01", "thread-01", "ana-0001", "Ana", "Again", AT, null))).isFalse();
        assertThat(store().threads("notes")).hasSize(1);
        assertThat(store().threads("notes").get(0).comments()).extracting(Comment::text).containsExactly("Why?");
    }

    @Test
    default void resolveReopenEditAndDelete() {
        typed();
        store().openThread("notes", thread("thread-01", "comment-01", "Why?"));
        store().addComment("notes", new Comment("comment-02", "thread-01", "bo-00001", "Bo", "Because.", AT, null));

        assertThat(store().resolveThread("notes", "thread-01", true, "Bo")).isTrue();
        assertThat(store().threads("notes").get(0).resolved()).isTrue();
        assertThat(store().threads("notes").get(0).resolvedBy()).isEqualTo("Bo");
        assertThat(store().resolveThread("notes", "thread-01", false, "Ana")).isTrue();
        assertThat(store().threads("notes").get(0).resolved()).isFalse();
        assertThat(store().resolveThread("notes", "thread-09", true, "Bo")).isFalse();

        assertThat(store().editComment("notes", "comment-02", "Because!", AT)).isTrue();
        assertThat(store().threads("notes").get(0).comments().get(1)).extracting(Comment::text, Comment::edited)
                .containsExactly("Because!", CUT);
        assertThat(store().editComment("notes", "comment-09", "x", AT)).isFalse();

        assertThat(store().deleteComment("notes", "comment-01")).isTrue();
        assertThat(store().threads("notes").get(0).comments()).extracting(Comment::id).containsExactly("comment-02");
        assertThat(store().deleteComment("notes", "comment-02")).as("the last comment takes its thread").isTrue();
        assertThat(store().threads("notes")).isEmpty();
        assertThat(store().deleteComment("notes", "comment-02")).isFalse();
    }

    @Test
    default void threadsNeedTheirDocumentAndRevisionAndRepliesTheirThread() {
        typed();
        assertThatThrownBy(() -> store().openThread("nothing", thread("thread-01", "comment-01", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        CommentThread later = new CommentThread("thread-01", 4, 0, 1, "a", false, null, AT,
                List.of(new Comment("comment-01", "thread-01", "ana-0001", null, "x", AT, null)));
        assertThatThrownBy(() -> store().openThread("notes", later)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().addComment("notes", new Comment("comment-02", "thread-09", "bo-00001", null, "x", AT, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().threads("notes")).isEmpty();
    }
}
