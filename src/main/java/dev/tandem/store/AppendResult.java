package dev.tandem.store;

/** The outcome of {@link DocumentStore#append}: written, or someone else got there first. */
public sealed interface AppendResult {

    /** The batch is durable; the document's head is now {@code head}. */
    record Appended(long head) implements AppendResult {
    }

    /**
     * Nothing was written: the log's head was {@code actualHead}, not the expected one (another
     * writer, e.g. a second server node, appended first). The caller catches up and retries.
     */
    record Conflict(long actualHead) implements AppendResult {
    }
}
