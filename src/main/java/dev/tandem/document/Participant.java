package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.store.StoredOperation;
import java.util.List;

/**
 * What the service tells one connection. Implemented by transports.
 *
 * <p>Threading: the calls for one participant come one at a time and in order from its
 * document's lane. They must not block: queue what is to be sent and return.
 */
public interface Participant {

    /** The answer to the join: the text (first connection) or where the catch-up starts (reconnect). */
    void welcome(Welcome welcome);

    /** This participant's operation {@code seq} was applied at {@code rev} and is durable. */
    void acknowledged(long seq, long rev);

    /** Another participant's operation (or, during catch-up, any operation) applied at {@code revision.rev()}. */
    void applied(StoredOperation revision);

    /** A join or an operation was refused; nothing was applied. */
    void rejected(Rejection rejection);

    /** Another participant's selection, at revision {@code rev}. */
    void selected(String client, long rev, List<Range> ranges);

    /** Another participant joined. */
    void joined(User user);

    /** Another participant left. */
    void left(String client);

    /**
     * A comment thread changed (PROTOCOL.md {@code thread}), at this participant's next
     * revision. A transport passes it on only to clients that asked for comments; the default
     * ignores it, as a version 1 client would never meet it.
     */
    default void threadChanged(ThreadEvent event) {
    }

    /** The service ends this participation; no call follows. */
    void ended(End reason);

    /** Why a participation ended from the server's side (each maps to a close code in the transport). */
    enum End {
        /** The service is shutting down; in-flight operations were committed and acknowledged. */
        SHUTDOWN,
        /** Storage failed: unacknowledged operations were not applied; the client should resume. */
        FAILURE,
        /** A configured ceiling (documents, connections per document) was reached. */
        CAPACITY
    }
}
