package dev.tandem.ot;

/**
 * Where a comment thread sits in the text: the range {@code [from, to)} of the units it was put
 * on, moved through every later operation. Text typed strictly inside the range grows it; text
 * typed at either end stays outside (a comment on a word does not swallow the next one typed
 * after it). When every unit of the range is deleted the anchor is {@code detached}: a point
 * ({@code from == to}) where the text was, which moves like a cursor from then on.
 *
 * <p>With {@code C} the units the anchor covers: after an operation {@code C} is the units of
 * {@code C} that survive plus those the operation inserted with a unit of {@code C} on both
 * sides; the anchor is {@code [first of C, last of C + 1)}, and every unit in it is in {@code C}.
 * An anchor is a function of the operations applied to it, so every replica that applies the
 * server's operations in revision order holds the same anchor at every revision.
 */
public record Anchor(int from, int to, boolean detached) {

    public Anchor {
        if (from < 0 || to < from || (detached && to != from) || (!detached && to == from)) {
            throw new IllegalArgumentException("not an anchor: [" + from + ", " + to + ")" + (detached ? " detached" : ""));
        }
    }

    /** The anchor on {@code [from, to)}, which must hold at least one unit. */
    public static Anchor on(int from, int to) {
        return new Anchor(from, to, false);
    }

    /** This anchor in the text after {@code operation} (which applies to a text of at least {@code to} units). */
    public Anchor transform(TextOperation operation) {
        if (detached) {
            int at = operation.transformPosition(from);
            return at == from ? this : new Anchor(at, at, true);
        }
        int before = 0; // units of the old text walked
        int after = 0;  // units of the new text written
        int newFrom = -1;
        int newTo = -1;
        for (int c = 0; c < operation.size() && before < to; c++) {
            int n = operation.length(c);
            if (operation.isInsert(c)) {
                after += n;
            } else if (operation.isDelete(c)) {
                before += n;
            } else {
                int start = Math.max(before, from);
                int end = Math.min(before + n, to);
                if (start < end) {
                    if (newFrom < 0) {
                        newFrom = after + (start - before);
                    }
                    newTo = after + (end - before);
                }
                before += n;
                after += n;
            }
        }
        if (newFrom < 0) {
            int at = operation.transformPosition(from);
            return new Anchor(at, at, true);
        }
        return newFrom == from && newTo == to ? this : new Anchor(newFrom, newTo, false);
    }
}
