package dev.tandem.document;

import dev.tandem.store.DocumentSummary;
import dev.tandem.store.NamedVersion;
import dev.tandem.store.StoredOperation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The shared operational-transformation service: one per web application, used by every
 * connection of every document. Transports (the WebSocket endpoint, the HTTP API, tests, bots)
 * are thin adapters over it.
 *
 * <p>Each document has one serial lane: its operations are validated, transformed against what
 * their author had not seen, applied, stored durably, and only then acknowledged to the author
 * and handed to every other participant, in revision order (PROTOCOL.md, "Order"). Different
 * documents proceed in parallel; there is no global lock.
 *
 * <p>Threading rules:
 * <ul>
 *   <li>Every method may be called from any thread, concurrently; none blocks on a commit or on
 *       storage. Results come back through {@link Participant} callbacks or {@link CompletionStage}s.
 *   <li>The callbacks of one {@link Participant} are made one at a time, in order, from the
 *       document's lane; they must not block (queue the message and return).
 *   <li>{@link CompletionStage}s complete on the service's own threads, never on the caller's.
 * </ul>
 */
public interface DocumentService extends AutoCloseable {

    /**
     * Joins a document (creating it, empty, if it does not exist). The participant first gets
     * {@link Participant#welcome} (or {@link Participant#rejected} with {@code unknown-rev}, and
     * is then not joined), then every revision from the welcome's {@code rev} on, exactly once
     * and in order, and presence events.
     */
    Participation join(String documentId, JoinRequest request, Participant participant);

    /** Creates an empty document: {@code false} if it exists already. */
    CompletionStage<Boolean> create(String documentId);

    /** The document at its head, or empty if it does not exist. */
    CompletionStage<Optional<DocumentState>> get(String documentId);

    /** The text at revision {@code rev} (from the nearest snapshot and a bounded replay). */
    CompletionStage<TextAtRevision> textAt(String documentId, long rev);

    /**
     * What the operations from revision {@code from} to revision {@code to} changed, computed
     * from the operations themselves (not by comparing texts), with the author's {@code name} on
     * every inserted and deleted span. {@code from} must not be above {@code to}, nor {@code to}
     * above the head.
     */
    CompletionStage<RevisionDiff> diff(String documentId, long from, long to);

    /** The named versions of a document by revision, or empty if there is no such document. */
    CompletionStage<Optional<List<NamedVersion>>> versions(String documentId);

    /** Names revision {@code rev} {@code name} (stripped; at most 200 units, no control characters), by {@code author} (may be null). */
    CompletionStage<VersionOutcome> nameVersion(String documentId, long rev, String name, String author);

    /** Renames the version at {@code rev}. */
    CompletionStage<VersionOutcome> renameVersion(String documentId, long rev, String name);

    /** Removes the name of revision {@code rev}; the revision stays in the log. */
    CompletionStage<VersionOutcome> deleteVersion(String documentId, long rev);

    /**
     * Gives the head the text of revision {@code rev} again, by one new operation submitted in
     * the name of {@code author} like any editor's: the revert of the diff from {@code rev} to
     * the head, transformed against concurrent edits, which therefore merge. Nothing is
     * rewritten; the restore can itself be reverted. Completes once the operation is durable.
     */
    CompletionStage<RestoreOutcome> restore(String documentId, long rev, String author);

    /** The comment threads with their anchors at the head, oldest first, or empty if there is no such document. */
    CompletionStage<Optional<List<AnchoredThread>>> threads(String documentId);

    /**
     * Opens a thread on {@code [from, to)} of the text at revision {@code rev}, with its first
     * comment. Ids ({@code threadId}, {@code commentId}, {@code src}: 8 to 64 of
     * {@code [A-Za-z0-9_-]}) are the client's: a resend of the same thread is {@code DONE} once.
     */
    CompletionStage<CommentOutcome> openThread(String documentId, String threadId, String commentId, long rev, int from, int to,
                                               String text, String author, String src);

    /** Adds a reply to a thread; a resend of the same reply is {@code DONE} once. */
    CompletionStage<CommentOutcome> reply(String documentId, String threadId, String commentId, String text, String author, String src);

    /** Resolves ({@code true}) or reopens a thread; anyone who may comment may. */
    CompletionStage<CommentOutcome> resolveThread(String documentId, String threadId, boolean resolved, String by);

    /** Replaces the text of a comment that editor instance {@code src} wrote. */
    CompletionStage<CommentOutcome> editComment(String documentId, String commentId, String text, String src);

    /** Deletes a comment that editor instance {@code src} wrote (and its thread, if it was the last). */
    CompletionStage<CommentOutcome> deleteComment(String documentId, String commentId, String src);

    /** The operations with {@code from <= rev < to}, at most {@code limit}, with author and time. */
    CompletionStage<List<StoredOperation>> operations(String documentId, long from, long to, int limit);

    /**
     * The token of the document's read-only link (created with the document, or now for one that
     * has none yet), or empty if there is no such document. Only for callers that hold the id.
     */
    CompletionStage<Optional<String>> viewToken(String documentId);

    /** The id of the document that read-only link token {@code token} opens, or empty (also for a malformed token). */
    CompletionStage<Optional<String>> documentOfViewToken(String token);

    /** Documents, most recently changed first. */
    CompletionStage<List<DocumentSummary>> list(int limit);

    /** Whether the store answers (for {@code /health}). */
    boolean isHealthy();

    /**
     * Graceful shutdown: refuses new work, commits what is in flight, acknowledges it, then ends
     * every participation with {@link Participant.End#SHUTDOWN}. Returns when done.
     */
    @Override
    void close();
}
