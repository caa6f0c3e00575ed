package dev.tandem.ot;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable edit of a text: a sequence of retain, insert and delete components, with the
 * algebra of ot.js ({@code lib/text-operation.js}): {@link #apply}, {@link #compose},
 * {@link #transform} and {@link #invert}.
 *
 * <p>Lengths and positions count UTF-16 code units, as Java and JavaScript strings do. An operation
 * is always in normal form: no empty component, no two adjacent components of one kind, and an
 * insert always before an adjacent delete. Two operations are equal when their components are.
 *
 * <p>The wire form (PROTOCOL.md) is a list of components: a positive integer retains, a negative
 * integer deletes, a non-empty string inserts. {@link #fromWire} reads it and {@link #toWire}
 * writes it.
 */
public final class TextOperation {

    private static final TextOperation EMPTY = new TextOperation(new int[0], null, 0, 0);

    /** Component i: {@code lengths[i] > 0} retains, {@code < 0} deletes, {@code == 0} inserts {@code texts[i]}. */
    private final int[] lengths;
    /** {@code null} when there is no insert: half of all keystroke operations, and one allocation less per transform. */
    private final String[] texts;
    private final int baseLength;
    private final int targetLength;
    private int hash;

    private TextOperation(int[] lengths, String[] texts, int baseLength, int targetLength) {
        this.lengths = lengths;
        this.texts = texts;
        this.baseLength = baseLength;
        this.targetLength = targetLength;
    }

    /** The no-op on the empty document: {@code []}. */
    public static TextOperation empty() {
        return EMPTY;
    }

    public static Builder builder() {
        // a keystroke is three components, [retain, insert or delete, retain]: arrays of exactly
        // that size are handed to the operation without a copy (TraceReplayBenchmark.documentTextBuilding)
        return new Builder(3);
    }

    /** The operation that keeps all {@code length} units of a document. */
    public static TextOperation identity(int length) {
        return builder().retain(length).build();
    }

    /**
     * The operation on a text of {@code length} units that replaces the {@code deleted} units at
     * {@code position} by {@code inserted}: an editor's keystroke, paste or cut. Built directly in
     * normal form, without a builder, because it is made once per keystroke.
     *
     * <p>{@code apply(S, splice(S.length(), p, d, t)) == S[0, p) + t + S[p + d, S.length())}
     */
    public static TextOperation splice(int length, int position, int deleted, String inserted) {
        if (position < 0 || deleted < 0 || (long) position + deleted > length) {
            throw new IllegalArgumentException("splice of " + deleted + " units at " + position + " outside a text of length " + length);
        }
        if (deleted == 0 && inserted.isEmpty()) {
            return identity(length);
        }
        int after = length - position - deleted;
        int size = (position > 0 ? 1 : 0) + (inserted.isEmpty() ? 0 : 1) + (deleted > 0 ? 1 : 0) + (after > 0 ? 1 : 0);
        int[] lengths = new int[size];
        String[] texts = inserted.isEmpty() ? null : new String[size];
        int i = 0;
        if (position > 0) {
            lengths[i++] = position;
        }
        if (texts != null) {
            texts[i++] = inserted; // lengths[i] stays 0: an insert, before the delete as normal form wants
        }
        if (deleted > 0) {
            lengths[i++] = -deleted;
        }
        if (after > 0) {
            lengths[i] = after;
        }
        return new TextOperation(lengths, texts, length, length - deleted + inserted.length());
    }

    /**
     * Reads the wire form: {@link Integer}, {@link Long} or other integral {@link Number}s and
     * {@link String}s. Malformed input is an expected outcome and comes back as
     * {@link WireResult.Invalid} with a reason that names the rule and the value.
     */
    public static WireResult fromWire(List<?> components) {
        if (components == null) {
            return new WireResult.Invalid("operation is missing");
        }
        Builder builder = new Builder(components.size());
        long base = 0;
        long target = 0;
        for (int i = 0; i < components.size(); i++) {
            Object component = components.get(i);
            if (component instanceof String text) {
                builder.insert(text);
                target += text.length();
            } else if (component instanceof Number number) {
                Long value = integral(number);
                if (value == null) {
                    return new WireResult.Invalid("component " + i + " is not an integer: " + number);
                }
                // not Math.abs: it leaves Long.MIN_VALUE negative, which then read as 0
                if (value >= (1L << 31) || value <= -(1L << 31)) {
                    return new WireResult.Invalid("component " + i + " is out of range (|n| must be below 2^31): " + number);
                }
                int n = value.intValue();
                if (n > 0) {
                    base += n;
                    target += n;
                } else {
                    base -= n;
                }
                if (base > Integer.MAX_VALUE || target > Integer.MAX_VALUE) {
                    return new WireResult.Invalid("operation spans more than 2^31-1 units");
                }
                if (n > 0) {
                    builder.retain(n);
                } else {
                    builder.delete(-n);
                }
            } else {
                String kind = component == null ? "null" : component.getClass().getSimpleName();
                return new WireResult.Invalid("component " + i + " is neither an integer nor a string: " + kind);
            }
        }
        // judged after merging: two inserts may together form a surrogate pair
        TextOperation operation = builder.build();
        for (int i = 0; i < operation.lengths.length; i++) {
            if (operation.lengths[i] == 0) {
                int at = Unicode.unpairedSurrogateIndex(operation.texts[i]);
                if (at >= 0) {
                    return new WireResult.Invalid("insert holds an unpaired surrogate (U+"
                            + Integer.toHexString(operation.texts[i].charAt(at)).toUpperCase() + " at index " + at + " of the inserted text)");
                }
            }
        }
        return new WireResult.Valid(operation);
    }

    /** 2^63: from here on a number is out of range whatever else it is. */
    private static final java.math.BigDecimal LONG_LIMIT = new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(63));

    private static Long integral(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof java.math.BigInteger big) {
            return big.bitLength() < 63 ? big.longValue() : Long.MAX_VALUE;
        }
        if (number instanceof java.math.BigDecimal decimal) {
            // judge the magnitude from precision and scale first: toBigIntegerExact of 1e100000000
            // (eleven bytes of JSON) computes a hundred-million-digit number, for minutes
            if (decimal.precision() - decimal.scale() > 19 || decimal.abs().compareTo(LONG_LIMIT) >= 0) {
                return Long.MAX_VALUE;
            }
            try {
                return decimal.longValueExact(); // fails fast on tiny values such as 1e-30000000
            } catch (ArithmeticException notIntegral) {
                return null;
            }
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
            return null;
        }
        return Math.abs(d) < 9.0e18 ? (long) d : Long.MAX_VALUE;
    }

    /** The wire form: {@link Integer} for retains and deletes, {@link String} for inserts. */
    public List<Object> toWire() {
        Object[] wire = new Object[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            wire[i] = lengths[i] == 0 ? texts[i] : (Object) lengths[i];
        }
        return List.of(wire);
    }

    /** The length of the text this operation applies to: retained plus deleted units. */
    public int baseLength() {
        return baseLength;
    }

    /** The length of the text this operation produces: retained plus inserted units. */
    public int targetLength() {
        return targetLength;
    }

    /** Whether applying this operation leaves every text unchanged. */
    public boolean isNoop() {
        return lengths.length == 0 || (lengths.length == 1 && lengths[0] > 0);
    }

    /** Number of components. */
    public int size() {
        return lengths.length;
    }

    public boolean isRetain(int component) {
        return lengths[component] > 0;
    }

    public boolean isInsert(int component) {
        return lengths[component] == 0;
    }

    public boolean isDelete(int component) {
        return lengths[component] < 0;
    }

    /** Units retained or deleted by a retain or delete component, or inserted by an insert. */
    public int length(int component) {
        int n = lengths[component];
        return n == 0 ? texts[component].length() : Math.abs(n);
    }

    /** The text inserted by an insert component. */
    public String insertedText(int component) {
        return texts[component];
    }

    /**
     * Why this operation cannot apply to {@code text}, or {@code null} when it can: its base length
     * must equal the text's length, and no component boundary may fall between the two halves of
     * a surrogate pair. Inserted text is always well formed, so a result is too.
     */
    public String misfit(CharSequence text) {
        if (text.length() != baseLength) {
            return baseLength > text.length()
                    ? "retain past end of document (length " + text.length() + ", op spans " + baseLength + ")"
                    : "operation ends before end of document (length " + text.length() + ", op spans " + baseLength + ")";
        }
        int position = 0;
        for (int n : lengths) {
            if (n != 0) {
                if (Unicode.splitsPair(text, position)) {
                    return "operation cuts a surrogate pair at position " + position;
                }
                position += Math.abs(n);
            }
        }
        return Unicode.splitsPair(text, position) ? "operation cuts a surrogate pair at position " + position : null;
    }

    /**
     * Applies this operation to {@code text}. Calling it with a text it does not fit is a bug:
     * check {@link #misfit} first where the operation comes from outside.
     *
     * <p>{@code apply(S, a).length() == a.targetLength()}
     *
     * @throws IllegalArgumentException when {@code text.length() != baseLength()}
     */
    public String apply(String text) {
        if (text.length() != baseLength) {
            throw new IllegalArgumentException("operation of base length " + baseLength + " applied to text of length " + text.length());
        }
        StringBuilder result = new StringBuilder(targetLength);
        int position = 0;
        for (int i = 0; i < lengths.length; i++) {
            int n = lengths[i];
            if (n > 0) {
                result.append(text, position, position + n);
                position += n;
            } else if (n < 0) {
                position -= n;
            } else {
                result.append(texts[i]);
            }
        }
        return result.toString();
    }

    /**
     * The operation that undoes this one on the text it was applied to.
     *
     * <p>{@code apply(apply(S, a), a.invert(S)) == S}
     */
    public TextOperation invert(String baseText) {
        Builder inverse = new Builder(lengths.length);
        int position = 0;
        for (int i = 0; i < lengths.length; i++) {
            int n = lengths[i];
            if (n > 0) {
                inverse.retain(n);
                position += n;
            } else if (n < 0) {
                inverse.insert(baseText.substring(position, position - n));
                position -= n;
            } else {
                inverse.delete(texts[i].length());
            }
        }
        return inverse.build();
    }

    /**
     * The single operation that has the effect of this one followed by {@code next}.
     *
     * <p>{@code apply(S, a.compose(b)) == apply(apply(S, a), b)}, defined when
     * {@code a.targetLength() == b.baseLength()}.
     */
    public TextOperation compose(TextOperation next) {
        if (targetLength != next.baseLength) {
            throw new IllegalArgumentException("cannot compose: first target length " + targetLength + " != second base length " + next.baseLength);
        }
        Builder out = new Builder(lengths.length + next.lengths.length);
        Cursor a = new Cursor(this);
        Cursor b = new Cursor(next);
        while (a.hasMore() || b.hasMore()) {
            if (a.isDelete()) {
                out.delete(a.remaining);
                a.advance();
            } else if (b.isInsert()) {
                out.insert(b.insertText());
                b.advance();
            } else if (!a.hasMore() || !b.hasMore()) {
                throw new IllegalStateException("compose ran off the end of an operation: " + this + " then " + next);
            } else if (a.isRetain() && b.isRetain()) {
                int n = Math.min(a.remaining, b.remaining);
                out.retain(n);
                a.consume(n);
                b.consume(n);
            } else if (a.isInsert() && b.isDelete()) {
                int n = Math.min(a.remaining, b.remaining);
                a.consume(n);
                b.consume(n);
            } else if (a.isInsert() && b.isRetain()) {
                int n = Math.min(a.remaining, b.remaining);
                out.insert(a.take(n));
                b.consume(n);
            } else { // a retains, b deletes
                int n = Math.min(a.remaining, b.remaining);
                out.delete(n);
                a.consume(n);
                b.consume(n);
            }
        }
        return out.build();
    }

    /**
     * Transforms two concurrent operations on the same text: returns {@code (a', b')} with
     *
     * <p>{@code apply(apply(S, a), b') == apply(apply(S, b), a')}  (TP1)
     *
     * <p>When both insert at the same position, {@code a}'s insert ends up first, as in ot.js.
     * The server passes the incoming operation as {@code a} and each operation of its history as
     * {@code b}.
     */
    public static Pair transform(TextOperation a, TextOperation b) {
        if (a.baseLength != b.baseLength) {
            throw new IllegalArgumentException("cannot transform: base lengths differ (" + a.baseLength + " and " + b.baseLength + ")");
        }
        // sized for the usual case, where a prime has as many components as its operation: then
        // build() hands the arrays over instead of copying them (TransformBenchmark)
        Builder aPrime = new Builder(a.lengths.length);
        Builder bPrime = new Builder(b.lengths.length);
        // a walk over both component arrays in local variables rather than two Cursors: this runs
        // for every incoming operation against each one its client had not seen
        int[] as = a.lengths;
        int[] bs = b.lengths;
        int i = 0;
        int j = 0;
        int x = 0; // what is left of a's current retain (> 0) or delete (< 0); 0 when none is open
        int y = 0; // the same for b
        while (true) {
            if (x == 0 && i < as.length) {
                if (as[i] == 0) { // a's insert goes first, whatever b does here
                    aPrime.insert(a.texts[i]);
                    bPrime.retain(a.texts[i].length());
                    i++;
                    continue;
                }
                x = as[i++];
            }
            if (y == 0 && j < bs.length) {
                if (bs[j] == 0) {
                    aPrime.retain(b.texts[j].length());
                    bPrime.insert(b.texts[j]);
                    j++;
                    continue;
                }
                y = bs[j++];
            }
            if (x == 0 || y == 0) {
                if (x == 0 && y == 0) {
                    break;
                }
                throw new IllegalStateException("transform ran off the end of an operation: " + a + " and " + b);
            }
            int n = Math.min(Math.abs(x), Math.abs(y));
            if (x > 0 && y > 0) {
                aPrime.retain(n);
                bPrime.retain(n);
            } else if (x < 0 && y > 0) {
                aPrime.delete(n);
            } else if (x > 0) { // y deletes
                bPrime.delete(n);
            } // both delete the same units: neither prime keeps them
            x = x > 0 ? x - n : x + n;
            y = y > 0 ? y - n : y + n;
        }
        return new Pair(aPrime.build(), bPrime.build());
    }

    /**
     * Where a position of the text before this operation lies in the text after it. An insert at
     * the position itself moves the position behind the inserted text, as ot.js's
     * {@code Range.transform} does; a deleted position moves to the start of the deletion.
     */
    public int transformPosition(int position) {
        int remaining = position;
        int moved = position;
        for (int i = 0; i < lengths.length && remaining >= 0; i++) {
            int n = lengths[i];
            if (n > 0) {
                remaining -= n;
            } else if (n == 0) {
                moved += texts[i].length();
            } else {
                moved -= Math.min(remaining, -n);
                remaining += n;
            }
        }
        return moved;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextOperation that
                && Arrays.equals(lengths, that.lengths)
                && Arrays.equals(texts, that.texts);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(lengths) + Arrays.hashCode(texts);
            hash = h;
        }
        return h;
    }

    /** The wire form as JSON, e.g. {@code [1,"a",-2,2]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(lengths.length * 6 + 2).append('[');
        for (int i = 0; i < lengths.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (lengths[i] == 0) {
                Unicode.appendQuoted(out, texts[i]);
            } else {
                out.append(lengths[i]);
            }
        }
        return out.append(']').toString();
    }

    /** The two results of {@link #transform}. */
    public record Pair(TextOperation aPrime, TextOperation bPrime) {
    }

    /** Builds an operation in normal form: empty components dropped, neighbours of one kind merged. */
    public static final class Builder {
        private int[] lengths;
        private String[] texts;
        private int size;
        private long baseLength;
        private long targetLength;
        /** The arrays belong to a built operation, which is immutable: copy them before the next change. */
        private boolean handedOver;

        private Builder(int capacity) {
            lengths = new int[Math.max(capacity, 2)];
            // texts is allocated by the first insert, as long as lengths from then on
        }

        /** Keeps the next {@code n} units. */
        public Builder retain(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retain expects a non-negative length, got " + n);
            }
            if (n == 0) {
                return this;
            }
            own();
            baseLength += n;
            targetLength += n;
            if (size > 0 && lengths[size - 1] > 0) {
                lengths[size - 1] = checkedInt((long) lengths[size - 1] + n);
            } else {
                push(n, null);
            }
            return this;
        }

        /** Inserts {@code text} at the current position. */
        public Builder insert(String text) {
            if (text.isEmpty()) {
                return this;
            }
            own();
            targetLength += text.length();
            if (size > 0 && lengths[size - 1] <= 0) {
                joinInsertOrDelete(text);
            } else {
                push(0, text);
            }
            return this;
        }

        /**
         * Inserts after an insert or a delete, the rarer case, kept out of {@link #insert} so that
         * the JIT inlines that into {@link TextOperation#transform} and allocates no builder there.
         */
        private void joinInsertOrDelete(String text) {
            if (lengths[size - 1] == 0) {
                texts[size - 1] = texts[size - 1].concat(text);
            } else if (size > 1 && lengths[size - 2] == 0) {
                // normal form: an insert goes before an adjacent delete (same effect, one spelling)
                texts[size - 2] = texts[size - 2].concat(text);
            } else {
                int deleted = lengths[size - 1];
                lengths[size - 1] = 0;
                textsForInsert()[size - 1] = text;
                push(deleted, null);
            }
        }

        /** Deletes the next {@code n} units. */
        public Builder delete(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("delete expects a non-negative length, got " + n);
            }
            if (n == 0) {
                return this;
            }
            own();
            baseLength += n;
            if (size > 0 && lengths[size - 1] < 0) {
                lengths[size - 1] = -checkedInt((long) -lengths[size - 1] + n);
            } else {
                push(-n, null);
            }
            return this;
        }

        public TextOperation build() {
            if (size == 0) {
                return EMPTY;
            }
            if (size == lengths.length) {
                handedOver = true;
                return new TextOperation(lengths, texts, checkedInt(baseLength), checkedInt(targetLength));
            }
            return new TextOperation(Arrays.copyOf(lengths, size), texts == null ? null : Arrays.copyOf(texts, size),
                    checkedInt(baseLength), checkedInt(targetLength));
        }

        private void own() {
            if (handedOver) {
                lengths = lengths.clone();
                texts = texts == null ? null : texts.clone();
                handedOver = false;
            }
        }

        private void push(int length, String text) {
            if (size == lengths.length) {
                grow();
            }
            lengths[size] = length;
            if (text != null) {
                textsForInsert()[size] = text;
            }
            size++;
        }

        private String[] textsForInsert() {
            if (texts == null) {
                texts = new String[lengths.length];
            }
            return texts;
        }

        private void grow() {
            lengths = Arrays.copyOf(lengths, size * 2);
            if (texts != null) {
                texts = Arrays.copyOf(texts, size * 2);
            }
        }

        private static int checkedInt(long value) {
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("operation longer than 2^31-1 units");
            }
            return (int) value;
        }
    }

    /** Walks the components of an operation, splitting them where the other side demands. */
    private static final class Cursor {
        private final TextOperation operation;
        private int index;
        private int remaining;
        private int offset; // into an insert's text, when part of it was taken

        Cursor(TextOperation operation) {
            this.operation = operation;
            load();
        }

        private void load() {
            offset = 0;
            remaining = index < operation.lengths.length ? operation.length(index) : 0;
        }

        boolean hasMore() {
            return index < operation.lengths.length;
        }

        boolean isRetain() {
            return hasMore() && operation.lengths[index] > 0;
        }

        boolean isDelete() {
            return hasMore() && operation.lengths[index] < 0;
        }

        boolean isInsert() {
            return hasMore() && operation.lengths[index] == 0;
        }

        String insertText() {
            String text = operation.texts[index];
            return offset == 0 ? text : text.substring(offset);
        }

        String take(int n) {
            String text = operation.texts[index];
            String part = (offset == 0 && n == text.length()) ? text : text.substring(offset, offset + n);
            consume(n);
            return part;
        }

        void consume(int n) {
            remaining -= n;
            offset += n;
            if (remaining == 0) {
                advance();
            }
        }

        void advance() {
            index++;
            load();
        }
    }
}
