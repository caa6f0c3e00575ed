package dev.tandem.bench;

import dev.tandem.ot.TextOperation;
import java.util.Arrays;

/**
 * A piece table, for comparison with the gap buffer: the original text and an append-only buffer
 * of inserted text, and a doubly linked list of pieces pointing into them, walked from the piece
 * used last. Typing at the end of the newest piece extends it instead of adding a piece.
 */
final class PieceTable {

    private static final int HEAD = 0;
    private static final int TAIL = 1;

    private final String original;
    private final StringBuilder added = new StringBuilder();
    private int[] start = new int[64];
    private int[] size = new int[64];
    private int[] next = new int[64];
    private int[] previous = new int[64];
    private boolean[] inAdded = new boolean[64];
    private int nodes = 2;
    private int free = -1;
    private int length;
    private int cursor = HEAD; // a piece, and the position where it starts
    private int cursorStart;

    PieceTable(String text) {
        original = text;
        next[HEAD] = TAIL;
        previous[TAIL] = HEAD;
        if (!text.isEmpty()) {
            link(HEAD, newPiece(false, 0, text.length()));
            length = text.length();
        }
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

    private void insert(int position, String text) {
        while (position < cursorStart) {
            cursor = previous[cursor];
            cursorStart -= size[cursor];
        }
        while (position > cursorStart + size[cursor]) {
            cursorStart += size[cursor];
            cursor = next[cursor];
        }
        int offset = position - cursorStart;
        if (offset == 0 && cursor != HEAD) {
            cursor = previous[cursor];
            cursorStart -= size[cursor];
            offset = size[cursor];
        }
        if (offset == size[cursor] && inAdded[cursor] && start[cursor] + size[cursor] == added.length()) {
            size[cursor] += text.length(); // typing on: the newest piece grows
        } else {
            if (offset < size[cursor]) {
                split(cursor, offset);
            }
            int piece = newPiece(true, added.length(), text.length());
            link(cursor, piece);
            cursorStart += size[cursor];
            cursor = piece;
        }
        added.append(text);
        length += text.length();
    }

    private void delete(int position, int n) {
        while (position < cursorStart) {
            cursor = previous[cursor];
            cursorStart -= size[cursor];
        }
        while (position >= cursorStart + size[cursor]) {
            cursorStart += size[cursor];
            cursor = next[cursor];
        }
        int offset = position - cursorStart;
        if (offset > 0) {
            split(cursor, offset);
            cursorStart += size[cursor];
            cursor = next[cursor];
        }
        length -= n;
        while (n > 0) {
            if (size[cursor] <= n) {
                n -= size[cursor];
                int gone = cursor;
                cursor = next[gone];
                unlink(gone);
            } else {
                start[cursor] += n;
                size[cursor] -= n;
                n = 0;
            }
        }
    }

    /** Cuts {@code piece} after {@code offset} units; the rest becomes the next piece. */
    private void split(int piece, int offset) {
        int rest = newPiece(inAdded[piece], start[piece] + offset, size[piece] - offset);
        size[piece] = offset;
        link(piece, rest);
    }

    private int newPiece(boolean fromAdded, int from, int units) {
        int piece;
        if (free >= 0) {
            piece = free;
            free = next[free];
        } else {
            if (nodes == start.length) {
                int capacity = nodes * 2;
                start = Arrays.copyOf(start, capacity);
                size = Arrays.copyOf(size, capacity);
                next = Arrays.copyOf(next, capacity);
                previous = Arrays.copyOf(previous, capacity);
                inAdded = Arrays.copyOf(inAdded, capacity);
            }
            piece = nodes++;
        }
        inAdded[piece] = fromAdded;
        start[piece] = from;
        size[piece] = units;
        return piece;
    }

    private void link(int after, int piece) {
        next[piece] = next[after];
        previous[piece] = after;
        previous[next[after]] = piece;
        next[after] = piece;
    }

    private void unlink(int piece) {
        next[previous[piece]] = next[piece];
        previous[next[piece]] = previous[piece];
        next[piece] = free;
        free = piece;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(length);
        for (int piece = next[HEAD]; piece != TAIL; piece = next[piece]) {
            int from = start[piece];
            if (inAdded[piece]) {
                out.append(added, from, from + size[piece]);
            } else {
                out.append(original, from, from + size[piece]);
            }
        }
        return out.toString();
    }
}
