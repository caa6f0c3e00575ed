package dev.tandem.store;

import java.time.Instant;
import java.util.List;

/**
 * A comment thread on a range of the text.
 *
 * @param id         drawn by the client, unique in the document
 * @param rev        the revision at which the anchor was put on the text
 * @param from       the anchor's start at {@code rev}
 * @param to         the anchor's end at {@code rev} (above {@code from})
 * @param quote      the text of {@code [from, to)} at {@code rev}, shown when it is deleted
 * @param resolved   whether someone resolved it
 * @param resolvedBy who resolved it last, or {@code null}
 * @param created    when it was opened
 * @param comments   its comments, oldest first (the first one opened it)
 */
public record CommentThread(String id, long rev, int from, int to, String quote, boolean resolved, String resolvedBy,
                            Instant created, List<Comment> comments) {

    public CommentThread {
        comments = List.copyOf(comments);
    }

    CommentThread withComments(List<Comment> replaced) {
        return new CommentThread(id, rev, from, to, quote, resolved, resolvedBy, created, replaced);
    }

    CommentThread withResolved(boolean now, String by) {
        return new CommentThread(id, rev, from, to, quote, now, by, created, comments);
    }
}
