package dev.tandem.ot;

import java.util.Arrays;

/**
 * The text of a document on the server, changed in place by {@link TextOperation}s: a gap buffer,
 * one {@code char[]} whose free space (the gap) sits where the last edit happened, so a keystroke
 * next to the previous one copies only the characters between them, never the whole text.
 *
 * <p>Why a gap buffer: people type in runs, each edit close to the last, and the gap follows them.
 * Replaying recorded traces with each edit applied as a TextOperation {@code [retain p,
 * insert/delete, retain rest]} (2026-11-25, 2 cores shared with other builds at load 10, so
 * best of 30 runs by thread CPU time: ReplayCpuTime in src/bench), in ms per whole trace:
 * <pre>
 *                         automerge-paper  seph-blog1  rustcode
 *   gap buffer (this)          12.8            8.7        4.4
 *   piece table                14.1           10.4        6.1
 *   two-level rope             16.9           14.2        6.5
 *   StringBuilder.replace      ~650 (JMH)
 *   TextOperation.apply(String) ~4,000-14,000 (JMH)
 * </pre>
 * (piece table: linked pieces, cursor cached, typing extends the newest piece; rope: chunks of
 * at most 2 KiB.) The gap buffer also reads any unit in O(1), which the fit check needs at every
 * component boundary, and holds only the text and its gap, where a piece table keeps everything
 * ever typed. A rope or piece tree wins only for edits that jump across many megabytes.
 *
 * <p>Invariants: {@code length() == apply(apply(S, a1), …, an).length()} and
 * {@code toString().equals(an.apply(… a1.apply(S)))}, i.e. a document agrees with
 * {@link TextOperation#apply(String)} after every operation; and the text never holds an unpaired
 * surrogate, because {@link #apply} refuses an operation that would leave one.
 *
 * <p>Threading: not thread-safe. The document service confines each DocumentText to the serial
 * lane of its document; {@link #toString} is the snapshot to hand to other threads.
 */
public final class DocumentText implements CharSequence {

    /** Room kept free after growing, so that a run of keystrokes does not grow the array again. */
    private static final int MIN_GAP = 64;
    /** Above this many units the buffer grows by an eighth at a time instead of doubling. */
    private static final int LARGE = 1 << 20;

    /** The text is {@code buffer[0, gapStart) + buffer[gapEnd, buffer.length)}. */
    private char[] buffer;
    private int gapStart;
    private int gapEnd;
    /** The text's length in UTF-8 bytes, kept up to date by {@link #apply} (a document-size limit reads it per operation). */
    private long utf8Length;

    /** An empty document. */
    public DocumentText() {
        this("");
    }

    /** A document holding {@code text}, which must not hold an unpaired surrogate. */
    public DocumentText(CharSequence text) {
        int at = Unicode.unpairedSurrogateIndex(text);
        if (at >= 0) {
            throw new IllegalArgumentException("text holds an unpaired surrogate at index " + at);
        }
        int length = text.length();
        buffer = new char[length + MIN_GAP];
        text.toString().getChars(0, length, buffer, 0);
        gapStart = length;
        gapEnd = buffer.length;
        utf8Length = utf8Length(0, length);
    }

    @Override
    public int length() {
        return buffer.length - (gapEnd - gapStart);
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("index " + index + " outside document of length " + length());
        }
        return unit(index);
    }

    /** A copy of the units in {@code [start, end)}, as a String. */
    @Override
    public String subSequence(int start, int end) {
        int length = length();
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") outside document of length " + length);
        }
        char[] out = new char[end - start];
        copyTo(start, end, out);
        return new String(out);
    }

    /** The whole text: a snapshot that later operations do not change. */
    @Override
    public String toString() {
        return subSequence(0, length());
    }

    /** The length of the text in UTF-8 bytes. */
    public long utf8Length() {
        return utf8Length;
    }

    /**
     * Whether the text stays within {@code limit} UTF-8 bytes after {@code operation}, which must
     * fit ({@link #misfit} is {@code null}). Costs the inserted text, plus the deleted units only
     * when the inserts alone would pass the limit: a keystroke never reads the document.
     */
    public boolean staysWithin(TextOperation operation, long limit) {
        long inserted = 0;
        for (int i = 0; i < operation.size(); i++) {
            if (operation.isInsert(i)) {
                inserted += Unicode.utf8Length(operation.insertedText(i));
            }
        }
        return utf8Length + inserted <= limit || utf8Length + inserted - deletedUtf8(operation) <= limit;
    }

    /** UTF-8 bytes of the units {@code operation} deletes from this text. */
    private long deletedUtf8(TextOperation operation) {
        long deleted = 0;
        int position = 0;
        for (int i = 0; i < operation.size(); i++) {
            if (operation.isDelete(i)) {
                deleted += utf8Length(position, position + operation.length(i));
            }
            if (!operation.isInsert(i)) {
                position += operation.length(i);
            }
        }
        return deleted;
    }

    /**
     * UTF-8 bytes of the units in {@code [start, end)}, which cut no surrogate pair: each half of a
     * pair counts 2, so a pair counts the 4 bytes of its code point.
     */
    private long utf8Length(int start, int end) {
        long bytes = 0;
        for (int i = start; i < end; i++) {
            bytes += Unicode.utf8Length(unit(i));
        }
        return bytes;
    }

    /**
     * Why {@code operation} cannot apply to this text, or {@code null} when it can. The rules of
     * {@link TextOperation#misfit}: the base length equals {@link #length()} and no component
     * boundary splits a surrogate pair; and no insert holds an unpaired surrogate (operations read
     * by {@link TextOperation#fromWire} never do, but a {@link TextOperation.Builder} allows it).
     */
    public String misfit(TextOperation operation) {
        if (fits(operation)) {
            return null;
        }
        String misfit = operation.misfit(this);
        if (misfit != null) {
            return misfit;
        }
        for (int i = 0; i < operation.size(); i++) {
            if (operation.isInsert(i)) {
                int at = Unicode.unpairedSurrogateIndex(operation.insertedText(i));
                if (at >= 0) {
                    return "insert holds an unpaired surrogate at index " + at + " of the inserted text";
                }
            }
        }
        throw new IllegalStateException("DocumentText.fits and TextOperation.misfit disagree on " + operation);
    }

    /**
     * {@code misfit(operation) == null}, decided on the buffer itself: the reasons are worded only
     * for an operation that does not fit, so a keystroke pays for no interface call or message.
     */
    private boolean fits(TextOperation operation) {
        if (operation.baseLength() != length()) {
            return false;
        }
        int position = 0;
        int size = operation.size();
        for (int i = 0; i < size; i++) {
            if (operation.isInsert(i)) {
                if (Unicode.unpairedSurrogateIndex(operation.insertedText(i)) >= 0) {
                    return false;
                }
            } else {
                if (splitsPair(position)) {
                    return false;
                }
                position += operation.length(i);
            }
        }
        return true; // the last boundary is the end of the text, which splits nothing
    }

    private boolean splitsPair(int position) {
        return position > 0 && position < length()
                && Character.isHighSurrogate(unit(position - 1)) && Character.isLowSurrogate(unit(position));
    }

    private char unit(int index) {
        return index < gapStart ? buffer[index] : buffer[index + (gapEnd - gapStart)];
    }

    /**
     * Applies {@code operation} in place: afterwards {@code toString().equals(operation.apply(before))}
     * and {@code length() == operation.targetLength()}. The cost is the distance the gap moves plus
     * the inserted text, not the length of the document.
     *
     * @throws IllegalArgumentException when {@link #misfit} names a reason (the text is then
     *     unchanged): an operation from outside is checked by the caller first, so this is a bug
     */
    public void apply(TextOperation operation) {
        if (!fits(operation)) {
            throw new IllegalArgumentException(misfit(operation));
        }
        int position = 0; // in the text as changed so far: units before it are final
        int size = operation.size();
        for (int i = 0; i < size; i++) {
            int n = operation.length(i);
            if (operation.isRetain(i)) {
                position += n;
            } else if (operation.isDelete(i)) {
                moveGap(position);
                utf8Length -= utf8Length(position, position + n);
                gapEnd += n;
            } else {
                moveGap(position);
                ensureGap(n);
                utf8Length += Unicode.utf8Length(operation.insertedText(i));
                operation.insertedText(i).getChars(0, n, buffer, gapStart);
                gapStart += n;
                position += n;
            }
        }
    }

    /** Moves the gap so that it starts at {@code position}, copying the units between. */
    private void moveGap(int position) {
        if (position < gapStart) {
            int n = gapStart - position;
            System.arraycopy(buffer, position, buffer, gapEnd - n, n);
            gapStart -= n;
            gapEnd -= n;
        } else if (position > gapStart) {
            int n = position - gapStart;
            System.arraycopy(buffer, gapEnd, buffer, gapStart, n);
            gapStart += n;
            gapEnd += n;
        }
    }

    /** Grows the buffer, if needed, so that the gap holds at least {@code needed} units. */
    private void ensureGap(int needed) {
        if (gapEnd - gapStart >= needed) {
            return;
        }
        int length = length();
        long wanted = (long) length + needed;
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("document would exceed 2^31-9 units");
        }
        // geometric growth keeps its cost amortised O(1) per inserted unit: doubling while small,
        // an eighth more beyond LARGE, so that a 10 MB document pasted in pieces does not hold a
        // second 10 MB of gap (measured: 85 MB of heap per such document, both texts doubled)
        long next = buffer.length < LARGE ? 2L * buffer.length : buffer.length + (buffer.length >> 3);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(wanted + MIN_GAP, next));
        char[] grown = Arrays.copyOf(buffer, capacity);
        int tail = buffer.length - gapEnd;
        System.arraycopy(buffer, gapEnd, grown, capacity - tail, tail);
        buffer = grown;
        gapEnd = capacity - tail;
    }

    private void copyTo(int start, int end, char[] out) {
        int beforeGap = Math.max(0, Math.min(end, gapStart) - start);
        if (beforeGap > 0) {
            System.arraycopy(buffer, start, out, 0, beforeGap);
        }
        int from = Math.max(start, gapStart);
        if (end > from) {
            System.arraycopy(buffer, from + (gapEnd - gapStart), out, beforeGap, end - from);
        }
    }
}
