package dev.tandem.store;

import dev.tandem.ot.TextOperation;
import java.time.Instant;

/**
 * One revision of a document's operation log: the operation that brought the document from
 * {@code rev} to {@code rev + 1}, as it was applied (after transformation).
 *
 * @param rev    the revision the operation applies to (0 for the first operation)
 * @param operation the operation, in the form it was applied
 * @param src    the author's editor instance (PROTOCOL.md {@code src}); with {@code seq} unique per document
 * @param seq    the author's sequence number
 * @param client the connection id the author had when it was applied
 * @param name   the author's display name, or {@code null}
 * @param time   when it was applied
 */
public record StoredOperation(long rev, TextOperation operation, String src, long seq, String client, String name, Instant time) {
}
