package dev.tandem.document;

import dev.tandem.ot.Diff;

/** The outcome of {@link DocumentService#diff}. */
public sealed interface RevisionDiff {

    /** What the operations {@code from <= rev < to} changed, each span with its author's name. */
    record Found(long from, long to, Diff diff) implements RevisionDiff {
    }

    record NoSuchDocument() implements RevisionDiff {
    }

    /** A revision is above the head (or negative), or {@code from} is above {@code to}. */
    record UnknownRevision(long head) implements RevisionDiff {
    }
}
