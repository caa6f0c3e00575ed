package dev.tandem.websocket;

import dev.tandem.document.AnchoredThread;
import dev.tandem.store.Comment;
import dev.tandem.store.CommentThread;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A comment thread as clients see it, with its anchor at the head ({@code rev}); a detached
 * anchor is the point where its text was. One form for the WebSocket's {@code thread} message and
 * the HTTP API (which depends on this package, never the other way round).
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "rev", "from", "to", "detached", "quote", "resolved", "resolvedBy", "created", "comments"})
public record ThreadView(String id, long rev, int from, int to, boolean detached, String quote, boolean resolved,
                         String resolvedBy, String created, List<ThreadView.CommentView> comments) {

    public static ThreadView of(AnchoredThread anchored) {
        CommentThread t = anchored.thread();
        return new ThreadView(t.id(), anchored.rev(), anchored.anchor().from(), anchored.anchor().to(), anchored.anchor().detached(),
                t.quote(), t.resolved(), t.resolvedBy(), String.valueOf(t.created()),
                t.comments().stream().map(CommentView::of).toList());
    }

    /** A comment; its author's {@code src} is never shown. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "author", "text", "created", "edited"})
    public record CommentView(String id, String author, String text, String created, String edited) {
        static CommentView of(Comment c) {
            return new CommentView(c.id(), c.author(), c.text(), String.valueOf(c.created()), c.edited() == null ? null : String.valueOf(c.edited()));
        }
    }
}
