package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import java.util.List;

/**
 * One connection's membership of a document, returned by {@link DocumentService#join}. Its
 * methods return at once; outcomes reach the {@link Participant}. Calls made before the welcome
 * are handled after it, in the order they were made. Safe to call from any thread.
 */
public interface Participation {

    /**
     * Submits an operation made at revision {@code rev}. Outcome: {@link Participant#acknowledged}
     * once it is durable, or {@link Participant#rejected} with the operation's {@code seq}.
     */
    void submit(long rev, long seq, TextOperation operation);

    /** The participant's selection ranges at revision {@code rev}, shown to the others at the head. */
    void select(long rev, List<Range> ranges);

    /** Leaves the document; the others get {@link Participant#left}. Idempotent. */
    void leave();
}
