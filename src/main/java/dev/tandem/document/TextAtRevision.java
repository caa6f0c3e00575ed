package dev.tandem.document;

/** The outcome of {@link DocumentService#textAt}. */
public sealed interface TextAtRevision {

    record Found(long rev, String text) implements TextAtRevision {
    }

    record NoSuchDocument() implements TextAtRevision {
    }

    /** The revision is above the head (or negative). */
    record UnknownRevision(long head) implements TextAtRevision {
    }
}
