package dev.tandem.document;

/**
 * A comment thread changed (opened, replied to, resolved or reopened, a comment edited or
 * deleted), told to a participant at the revision it has been sent up to: {@code thread}'s anchor
 * is at {@code rev}, the participant's next revision. {@code thread} is {@code null} when the
 * thread was deleted with its last comment; {@code id} names it either way.
 */
public record ThreadEvent(long rev, String id, AnchoredThread thread) {
}
