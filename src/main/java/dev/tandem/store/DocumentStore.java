package dev.tandem.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of documents: an append-only operation log per document, periodic snapshots,
 * and a little metadata. Shaped by what {@code DocumentService} needs; knows nothing of the
 * network.
 *
 * <p>Threading: implementations are safe for concurrent use by many threads. Every method may
 * block on I/O, so callers keep them off container threads. The service calls {@link #append}
 * or {@link #appendAll} for one document from one thread at a time, but different documents
 * concurrently.
 *
 * <p>Ids are validated by the caller (PROTOCOL.md's id pattern); stores do not re-check them.
 * Failures of the storage itself (the database is down) are {@link StoreException}s. A call that
 * breaks what a method asks of its caller (a batch with gaps, a {@code seq} not above its
 * {@code src}'s last one,
 * a snapshot beyond the head, a negative revision or limit) is a bug in the caller: it fails
 * with an {@link IllegalArgumentException} that names the values, and writes nothing.
 *
 * <p>Times ({@link StoredOperation#time()}, {@link DocumentSummary#updated()}) are kept to the
 * microsecond, the precision of the databases: what is read back is the time cut to it.
 */
public interface DocumentStore extends AutoCloseable {

    /**
     * Creates an empty document at revision 0.
     *
     * @return {@code false} if a document with this id already exists (nothing changes then)
     */
    boolean create(String id);

    /** The newest snapshot and the operations after it, or empty if there is no such document. */
    Optional<StoredDocument> load(String id);

    /**
     * Appends {@code batch}, whose revisions are {@code expectedHead, expectedHead + 1, …}, in
     * one transaction, and records the document's new length and change time. All or nothing:
     * when the log's head is not {@code expectedHead} nothing is written and a
     * {@link AppendResult.Conflict} comes back. Creates the document if it does not exist and
     * {@code expectedHead} is 0; a document that does not exist has head 0, so an append above
     * 0 to it is a {@code Conflict(0)}. A conflict's {@code actualHead} always differs from
     * {@code expectedHead}. The change time recorded is the last operation's {@code time}.
     *
     * <p>Durable when it returns: an acknowledgement may be sent after this.
     *
     * @param batch       at least one operation, with {@code rev}s {@code expectedHead} and on
     *     without gaps, and each {@code src}'s {@code seq}s increasing, above the last one the log
     *     holds for it (look a resent operation up with {@link #find} first)
     * @param lengthAfter the document's length after the last operation of the batch
     * @throws IllegalArgumentException when the batch breaks those rules; nothing is written
     */
    AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter);

    /**
     * Appends to several documents at once: for each document exactly what {@link #append} does
     * (its batch all or nothing; a head that is not the expected one is that document's
     * {@link AppendResult.Conflict} and writes nothing for it, while the others still commit),
     * but in one transaction where the database allows it, so that durability costs one commit
     * for all of them. The results come in the order of {@code appends}.
     *
     * <p>Durable when it returns, for every {@link AppendResult.Appended}.
     *
     * <p>Every batch is checked as {@link #append} checks it before anything is written; a
     * batch with a {@code seq} not above its {@code src}'s last in the log (which only the log
     * shows) fails the whole call with an {@link IllegalArgumentException}, and writes nothing
     * for that document; whether the other documents' batches were written is then not said.
     * A {@link StoreException} leaves every document's outcome unknown.
     *
     * <p>This default appends one document after the other; stores that can do better do.
     *
     * @param appends one per document, no document twice
     * @throws IllegalArgumentException when a batch breaks the rules of {@link #append} or a
     *     document comes twice
     */
    default List<AppendResult> appendAll(List<Append> appends) {
        CallerContract.checkAll(appends);
        List<AppendResult> results = new ArrayList<>(appends.size());
        for (Append append : appends) {
            results.add(append(append.id(), append.expectedHead(), append.batch(), append.lengthAfter()));
        }
        return results;
    }

    /**
     * The operations with {@code from <= rev < to}, in order (fewer if the log ends before
     * {@code to}; none if {@code to <= from} or there is no such document). {@code from} must not
     * be negative.
     */
    List<StoredOperation> read(String id, long from, long to);

    /**
     * The operation that {@code src} sent with {@code seq}, if it was applied. Fast for the
     * src's last seq (a resend); an older one is searched for in the log (package-info).
     */
    Optional<StoredOperation> find(String id, String src, long seq);

    /** The highest {@code seq} applied for {@code src} in this document, or -1 when none was. */
    long lastSeq(String id, String src);

    /**
     * Stores a snapshot; storing one that exists already changes nothing (the first text stays).
     *
     * @throws IllegalArgumentException if there is no such document or {@code snapshot.rev()} is
     *     beyond its head
     */
    void saveSnapshot(String id, Snapshot snapshot);

    /**
     * The newest snapshot at or before {@code rev} (revision 0, empty text, at least, for an
     * existing document); empty if there is no such document or {@code rev} is negative.
     */
    Optional<Snapshot> snapshotAtOrBefore(String id, long rev);

    /** Documents, most recently changed first (ties by id), at most {@code limit} of them. */
    List<DocumentSummary> list(int limit);

    /** The summary of one document, or empty if there is no such document. */
    Optional<DocumentSummary> summary(String id);

    /**
     * The document's read-only link token ({@link ViewTokens}): created with the document by
     * {@link #create}, and on the first call here for a document that has none yet (one created
     * by an append, or before links existed). Always the same token for a document.
     *
     * @return empty if there is no such document
     */
    Optional<String> viewToken(String id);

    /** The id of the document whose read-only token is {@code token}, or empty. */
    Optional<String> documentOfViewToken(String token);

    /**
     * Names revision {@code version.rev()} of the document (its time cut to the microsecond).
     *
     * @return {@code false} if that revision has a name already (nothing changes then)
     * @throws IllegalArgumentException if there is no such document, or the revision is negative
     *     or beyond its head
     */
    boolean nameVersion(String id, NamedVersion version);

    /** The document's named versions by revision; none for a document that does not exist. */
    List<NamedVersion> versions(String id);

    /** Renames the version at {@code rev}: {@code false} if that revision has no name. */
    boolean renameVersion(String id, long rev, String name);

    /** Removes the name of revision {@code rev} (the revision stays in the log): {@code false} if it had none. */
    boolean deleteVersion(String id, long rev);

    /**
     * Opens a comment thread with its first comment (the one {@code thread.comments()} holds),
     * times cut to the microsecond.
     *
     * @return {@code false} if the document has a thread with that id, or a comment with the
     *     first comment's id (nothing is written then)
     * @throws IllegalArgumentException if there is no such document, the thread's revision is
     *     beyond its head, or the thread does not hold exactly one comment, its own
     */
    boolean openThread(String id, CommentThread thread);

    /**
     * Adds a reply to its thread.
     *
     * @return {@code false} if the document has a comment with that id (nothing is written then)
     * @throws IllegalArgumentException if the document has no such thread
     */
    boolean addComment(String id, Comment comment);

    /** The document's threads with their comments, oldest first; none for a document that does not exist. */
    List<CommentThread> threads(String id);

    /** Resolves or reopens a thread, by {@code by}: {@code false} if there is no such thread. */
    boolean resolveThread(String id, String thread, boolean resolved, String by);

    /** Replaces a comment's text: {@code false} if there is no such comment. */
    boolean editComment(String id, String comment, String text, java.time.Instant edited);

    /** Deletes a comment, and its thread with it when it was the thread's last: {@code false} if there is no such comment. */
    boolean deleteComment(String id, String comment);

    /**
     * Who may do what with the documents of this store: users, owners, access entries, API
     * tokens ({@link AccessStore}), kept in the same database. The same object on every call.
     *
     * @throws UnsupportedOperationException from stores that keep no access rules (test doubles)
     */
    default AccessStore access() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no access rules");
    }

    /** Whether the storage answers right now (for {@code /health}). */
    boolean isReachable();

    /** Releases connections and pools. */
    @Override
    void close();
}
