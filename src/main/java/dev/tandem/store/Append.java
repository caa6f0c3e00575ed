package dev.tandem.store;

import java.util.List;

/**
 * One document's part of {@link DocumentStore#appendAll}: what {@link DocumentStore#append}
 * takes for it, with the same rules.
 *
 * @param id           the document
 * @param expectedHead the head the batch starts at
 * @param batch        at least one operation, with {@code rev}s {@code expectedHead} and on
 * @param lengthAfter  the document's length after the last operation of the batch
 */
public record Append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
}
