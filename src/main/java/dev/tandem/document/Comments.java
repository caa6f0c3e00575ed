package dev.tandem.document;

import dev.tandem.ot.Anchor;
import dev.tandem.ot.Unicode;
import dev.tandem.store.Comment;
import dev.tandem.store.CommentThread;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.StoredOperation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Comment threads: kept in the store beside the log, each anchored at the revision it was put
 * on; its anchor at the head follows from the log ({@link Anchor#transform}). Every call is a
 * store call on the store executor, like {@link History}.
 *
 * <p>Exactly once: ids are drawn by clients, so a resent thread or reply (same id, same
 * author's editor, same text) is {@code DONE} again without a second row; a different one with a
 * taken id is a {@code CONFLICT}. Only the editor instance ({@code src}) that wrote a comment may
 * edit or delete it: without sign-in, that is who its author is.
 *
 * <p>Threading: any thread; futures complete on the store executor.
 */
final class Comments {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    /** The longest comment, in UTF-16 units. */
    static final int MAX_TEXT_LENGTH = 10_000;
    /** Operations read at a time while moving anchors to the head. */
    private static final int CHUNK = 10_000;

    private final DocumentStore store;
    private final History history;
    private final Executor storeExecutor;
    private final Clock clock;

    Comments(DocumentStore store, History history, Executor storeExecutor, Clock clock) {
        this.store = store;
        this.history = history;
        this.storeExecutor = storeExecutor;
        this.clock = clock;
    }

    static boolean validText(String text) {
        return text != null && !text.isBlank() && text.length() <= MAX_TEXT_LENGTH && Unicode.unpairedSurrogateIndex(text) < 0
                && text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
    }

    /** The threads with their anchors at the head, or empty if there is no such document. */
    CompletableFuture<Optional<List<AnchoredThread>>> threads(String id) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<DocumentSummary> summary = store.summary(id);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            long head = summary.get().rev();
            List<CommentThread> threads = store.threads(id);
            Anchor[] anchors = new Anchor[threads.size()];
            long oldest = head;
            for (int i = 0; i < anchors.length; i++) {
                anchors[i] = Anchor.on(threads.get(i).from(), threads.get(i).to());
                oldest = Math.min(oldest, threads.get(i).rev());
            }
            for (long rev = oldest; rev < head; rev += CHUNK) {
                for (StoredOperation operation : store.read(id, rev, Math.min(head, rev + CHUNK))) {
                    for (int i = 0; i < anchors.length; i++) {
                        if (threads.get(i).rev() <= operation.rev()) {
                            anchors[i] = anchors[i].transform(operation.operation());
                        }
                    }
                }
            }
            List<AnchoredThread> anchored = new ArrayList<>();
            for (int i = 0; i < anchors.length; i++) {
                anchored.add(new AnchoredThread(threads.get(i), head, anchors[i]));
            }
            return Optional.of(anchored);
        }, storeExecutor);
    }

    CompletableFuture<CommentOutcome> open(String id, String threadId, String commentId, long rev, int from, int to,
                                           String text, String author, String src) {
        if (!ID.matcher(threadId).matches() || !ID.matcher(commentId).matches() || !ID.matcher(src).matches() || !validText(text)) {
            return CompletableFuture.completedFuture(CommentOutcome.INVALID);
        }
        return history.textAt(id, rev).thenApplyAsync(found -> {
            if (found instanceof TextAtRevision.NoSuchDocument) {
                return CommentOutcome.NO_SUCH_DOCUMENT;
            }
            if (!(found instanceof TextAtRevision.Found at)) {
                return CommentOutcome.UNKNOWN_REVISION;
            }
            if (from < 0 || to <= from || to > at.text().length() || Unicode.splitsPair(at.text(), from) || Unicode.splitsPair(at.text(), to)) {
                return CommentOutcome.BAD_ANCHOR;
            }
            Comment first = new Comment(commentId, threadId, src, author, text, clock.instant(), null);
            CommentThread thread = new CommentThread(threadId, rev, from, to, at.text().substring(from, to), false, null, clock.instant(),
                    List.of(first));
            if (store.openThread(id, thread)) {
                return CommentOutcome.DONE;
            }
            // a resend of this very thread, or another one with a taken id
            return store.threads(id).stream().anyMatch(t -> t.id().equals(threadId) && t.rev() == rev && t.from() == from && t.to() == to
                    && !t.comments().isEmpty() && sameComment(t.comments().get(0), first))
                    ? CommentOutcome.DONE : CommentOutcome.CONFLICT;
        }, storeExecutor);
    }

    CompletableFuture<CommentOutcome> reply(String id, String threadId, String commentId, String text, String author, String src) {
        if (!ID.matcher(commentId).matches() || !ID.matcher(src).matches() || !validText(text)) {
            return CompletableFuture.completedFuture(CommentOutcome.INVALID);
        }
        return CompletableFuture.supplyAsync(() -> {
            if (store.summary(id).isEmpty()) {
                return CommentOutcome.NO_SUCH_DOCUMENT;
            }
            Comment reply = new Comment(commentId, threadId, src, author, text, clock.instant(), null);
            List<CommentThread> threads = store.threads(id);
            if (threads.stream().noneMatch(t -> t.id().equals(threadId))) {
                return CommentOutcome.NO_SUCH_THREAD;
            }
            try {
                if (store.addComment(id, reply)) {
                    return CommentOutcome.DONE;
                }
            } catch (IllegalArgumentException threadDeletedMeanwhile) {
                return CommentOutcome.NO_SUCH_THREAD;
            }
            return store.threads(id).stream().flatMap(t -> t.comments().stream()).anyMatch(c -> sameComment(c, reply))
                    ? CommentOutcome.DONE : CommentOutcome.CONFLICT;
        }, storeExecutor);
    }

    CompletableFuture<CommentOutcome> resolve(String id, String threadId, boolean resolved, String by) {
        return CompletableFuture.supplyAsync(() -> store.summary(id).isEmpty() ? CommentOutcome.NO_SUCH_DOCUMENT
                : store.resolveThread(id, threadId, resolved, by) ? CommentOutcome.DONE : CommentOutcome.NO_SUCH_THREAD, storeExecutor);
    }

    CompletableFuture<CommentOutcome> edit(String id, String commentId, String text, String src) {
        if (!validText(text)) {
            return CompletableFuture.completedFuture(CommentOutcome.INVALID);
        }
        return owned(id, commentId, src, () -> store.editComment(id, commentId, text, clock.instant()));
    }

    CompletableFuture<CommentOutcome> delete(String id, String commentId, String src) {
        return owned(id, commentId, src, () -> store.deleteComment(id, commentId));
    }

    /** The thread of a comment, or {@code null} when there is no such comment. */
    CompletableFuture<String> threadOf(String id, String commentId) {
        return CompletableFuture.supplyAsync(() -> store.threads(id).stream().flatMap(t -> t.comments().stream())
                .filter(c -> c.id().equals(commentId)).map(Comment::thread).findFirst().orElse(null), storeExecutor);
    }

    private CompletableFuture<CommentOutcome> owned(String id, String commentId, String src, java.util.function.BooleanSupplier change) {
        return CompletableFuture.supplyAsync(() -> {
            if (store.summary(id).isEmpty()) {
                return CommentOutcome.NO_SUCH_DOCUMENT;
            }
            Optional<Comment> found = store.threads(id).stream().flatMap(t -> t.comments().stream())
                    .filter(c -> c.id().equals(commentId)).findFirst();
            if (found.isEmpty()) {
                return CommentOutcome.NO_SUCH_COMMENT;
            }
            if (!found.get().src().equals(src)) {
                return CommentOutcome.FORBIDDEN;
            }
            return change.getAsBoolean() ? CommentOutcome.DONE : CommentOutcome.NO_SUCH_COMMENT;
        }, storeExecutor);
    }

    private static boolean sameComment(Comment stored, Comment sent) {
        return stored.id().equals(sent.id()) && stored.thread().equals(sent.thread()) && stored.src().equals(sent.src())
                && stored.text().equals(sent.text());
    }
}
