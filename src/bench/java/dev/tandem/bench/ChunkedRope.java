package dev.tandem.bench;

import dev.tandem.ot.TextOperation;
import java.util.Arrays;

/**
 * A rope of two levels, for comparison with the gap buffer: the text in chunks of at most
 * {@value #MAX} units, found by a walk over the chunk lengths from the last chunk used.
 */
final class ChunkedRope {

    private static final int MAX = 2048;

    private char[][] chunks = new char[16][];
    private int[] lengths = new int[16];
    private int count;
    private int length;
    private int cursor; // a chunk, and the position where it starts
    private int cursorStart;

    ChunkedRope(String text) {
        chunks[0] = new char[MAX];
        count = 1;
        insert(0, text);
    }

    int length() {
        return length;
    }

    void apply(TextOperation operation) {
        int position = 0;
        for (int i = 0; i < operation.size(); i++) {
            int n = operation.length(i);
            if (operation.isRetain(i)) {
                position += n;
            } else if (operation.isDelete(i)) {
                delete(position, n);
            } else {
                insert(position, operation.insertedText(i));
                position += n;
            }
        }
    }

    /** Moves the cursor to a chunk with {@code cursorStart <= position <= cursorStart + lengths[cursor]}. */
    private void seek(int position) {
        while (position < cursorStart) {
            cursor--;
            cursorStart -= lengths[cursor];
        }
        while (position > cursorStart + lengths[cursor]) {
            cursorStart += lengths[cursor];
            cursor++;
        }
    }

    private void insert(int position, String text) {
        int n = text.length();
        if (n == 0) {
            return;
        }
        seek(position);
        int c = cursor;
        int offset = position - cursorStart;
        char[] chunk = chunks[c];
        int old = lengths[c];
        if (old + n <= MAX) {
            System.arraycopy(chunk, offset, chunk, offset + n, old - offset);
            text.getChars(0, n, chunk, offset);
            lengths[c] = old + n;
        } else {
            // split: the chunk's units and the text, refilled into half-full chunks
            char[] all = new char[old + n];
            System.arraycopy(chunk, 0, all, 0, offset);
            text.getChars(0, n, all, offset);
            System.arraycopy(chunk, offset, all, offset + n, old - offset);
            int pieces = (all.length + MAX / 2 - 1) / (MAX / 2);
            openSlots(c + 1, pieces - 1);
            for (int k = 0; k < pieces; k++) {
                int from = k * (MAX / 2);
                int size = Math.min(MAX / 2, all.length - from);
                char[] piece = k == 0 ? chunk : new char[MAX];
                System.arraycopy(all, from, piece, 0, size);
                chunks[c + k] = piece;
                lengths[c + k] = size;
            }
        }
        length += n;
    }

    private void delete(int position, int n) {
        length -= n;
        while (n > 0) {
            seek(position);
            if (position == cursorStart + lengths[cursor]) {
                cursorStart += lengths[cursor];
                cursor++;
            }
            int c = cursor;
            int offset = position - cursorStart;
            int taken = Math.min(n, lengths[c] - offset);
            System.arraycopy(chunks[c], offset + taken, chunks[c], offset, lengths[c] - offset - taken);
            lengths[c] -= taken;
            n -= taken;
            if (lengths[c] == 0 && count > 1) {
                System.arraycopy(chunks, c + 1, chunks, c, count - c - 1);
                System.arraycopy(lengths, c + 1, lengths, c, count - c - 1);
                count--;
                if (cursor == count) {
                    cursor = 0;
                    cursorStart = 0;
                }
            }
        }
    }

    private void openSlots(int at, int slots) {
        if (count + slots > chunks.length) {
            int capacity = Math.max(chunks.length * 2, count + slots);
            chunks = Arrays.copyOf(chunks, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        System.arraycopy(chunks, at, chunks, at + slots, count - at);
        System.arraycopy(lengths, at, lengths, at + slots, count - at);
        count += slots;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(length);
        for (int c = 0; c < count; c++) {
            out.append(chunks[c], 0, lengths[c]);
        }
        return out.toString();
    }
}
