package dev.tandem.document;

/** The outcome of {@link DocumentService#restore}. */
public sealed interface RestoreOutcome {

    /**
     * The head now has the text of the restored revision, as of {@code head} (later edits may
     * have merged in since); {@code changed} is {@code false} when the head had that text already
     * and nothing was submitted.
     */
    record Restored(long head, boolean changed) implements RestoreOutcome {
    }

    record NoSuchDocument() implements RestoreOutcome {
    }

    /** The revision is above the head. */
    record UnknownRevision(long head) implements RestoreOutcome {
    }

    /** The restoring operation was refused or the service ended first: nothing was applied. */
    record Refused(String reason) implements RestoreOutcome {
    }
}
