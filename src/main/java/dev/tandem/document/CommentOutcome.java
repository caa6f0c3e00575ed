package dev.tandem.document;

/** The outcome of a change to comment threads ({@link DocumentService#openThread} and the others). */
public enum CommentOutcome {
    DONE,
    NO_SUCH_DOCUMENT,
    /** The anchor's revision is above the head. */
    UNKNOWN_REVISION,
    /** The anchor is empty, beyond the text at its revision, or cuts a surrogate pair. */
    BAD_ANCHOR,
    /** An id is malformed, or the text is empty, too long, or holds control characters. */
    INVALID,
    NO_SUCH_THREAD,
    NO_SUCH_COMMENT,
    /** The id is taken by a different thread or comment (a resend of the same one is {@code DONE}). */
    CONFLICT,
    /** Only the comment's author (its editor instance) may edit or delete it. */
    FORBIDDEN
}
