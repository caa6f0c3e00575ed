package dev.tandem.document;

import dev.tandem.ot.TextOperation;

/**
 * {@link EditableText} over a {@link StringBuilder}: an edit moves the text after it, which is
 * cheap for the documents people write by hand. A gap buffer would keep large documents cheap
 * too; this is the seam where it goes.
 */
final class StringBuilderText implements EditableText {

    private final StringBuilder text;

    StringBuilderText(String initial) {
        text = new StringBuilder(initial);
    }

    @Override
    public void apply(TextOperation operation) {
        if (operation.baseLength() != text.length()) {
            throw new IllegalArgumentException("operation of base length " + operation.baseLength()
                    + " applied to text of length " + text.length());
        }
        int position = 0;
        for (int i = 0; i < operation.size(); i++) {
            int n = operation.length(i);
            if (operation.isRetain(i)) {
                position += n;
            } else if (operation.isInsert(i)) {
                text.insert(position, operation.insertedText(i));
                position += n;
            } else {
                text.delete(position, position + n);
            }
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
