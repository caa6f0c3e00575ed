package dev.tandem.document;

import dev.tandem.ot.TextOperation;

/**
 * A document's text held in memory and edited in place. The service keeps two per loaded
 * document: one at the lane's head (to check operations against) and one at the durable head
 * (what welcomes and reads show).
 *
 * <p>Threading: confined to the document's lane.
 */
interface EditableText extends CharSequence {

    /** Applies an operation that fits this text ({@code operation.misfit(this) == null}). */
    void apply(TextOperation operation);

    /** A text that starts as {@code initial}. */
    static EditableText of(String initial) {
        return new StringBuilderText(initial);
    }
}
