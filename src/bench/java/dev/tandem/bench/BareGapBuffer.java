package dev.tandem.bench;

import java.util.Arrays;

/** A gap buffer with no operation and no check: the floor the document model is measured against. */
final class BareGapBuffer {

    private char[] buffer;
    private int gapStart;
    private int gapEnd;

    BareGapBuffer(String text) {
        buffer = Arrays.copyOf(text.toCharArray(), text.length() + 64);
        gapStart = text.length();
        gapEnd = buffer.length;
    }

    int length() {
        return buffer.length - (gapEnd - gapStart);
    }

    void splice(int position, int deleted, String inserted) {
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
        gapEnd += deleted;
        int n = inserted.length();
        if (gapEnd - gapStart < n) {
            int capacity = Math.max(2 * buffer.length, length() + n + 64);
            char[] grown = Arrays.copyOf(buffer, capacity);
            int tail = buffer.length - gapEnd;
            System.arraycopy(buffer, gapEnd, grown, capacity - tail, tail);
            buffer = grown;
            gapEnd = capacity - tail;
        }
        inserted.getChars(0, n, buffer, gapStart);
        gapStart += n;
    }
}
