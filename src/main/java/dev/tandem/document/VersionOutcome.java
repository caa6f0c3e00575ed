package dev.tandem.document;

/** The outcome of naming, renaming or deleting a version ({@link DocumentService#nameVersion} and the others). */
public enum VersionOutcome {
    DONE,
    NO_SUCH_DOCUMENT,
    /** The revision is above the head. */
    UNKNOWN_REVISION,
    /** The revision has a name already: rename it instead. */
    NAMED_ALREADY,
    /** The revision has no name to rename or delete. */
    NOT_NAMED,
    /** The name is empty, too long, or holds control characters ({@link Versions#MAX_NAME_LENGTH}). */
    INVALID_NAME
}
