package dev.tandem.ot;

/**
 * A selection range, as in CodeMirror and PROTOCOL.md's presence messages: {@code anchor} is where
 * the selection started, {@code head} where the cursor is. A cursor is a range with
 * {@code anchor == head}.
 */
public record Range(int anchor, int head) {

    public static Range cursor(int position) {
        return new Range(position, position);
    }

    /**
     * This range in the text after {@code operation}: both ends move as ot.js moves them
     * ({@link TextOperation#transformPosition}), so an insert at a cursor pushes the cursor behind it.
     */
    public Range transform(TextOperation operation) {
        int newAnchor = operation.transformPosition(anchor);
        int newHead = anchor == head ? newAnchor : operation.transformPosition(head);
        return newAnchor == anchor && newHead == head ? this : new Range(newAnchor, newHead);
    }

    /** This range with both ends clamped to {@code [0, length]}. */
    public Range clamp(int length) {
        int a = Math.max(0, Math.min(anchor, length));
        int h = Math.max(0, Math.min(head, length));
        return a == anchor && h == head ? this : new Range(a, h);
    }
}
