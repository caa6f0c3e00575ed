package dev.tandem.ot;

/** UTF-16 rules of the protocol: a document never holds an unpaired surrogate. */
public final class Unicode {

    private Unicode() {
    }

    /** Index of the first unpaired surrogate in {@code text}, or -1 when it is well formed. */
    public static int unpairedSurrogateIndex(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code position} falls between the high and the low half of a surrogate pair. */
    public static boolean splitsPair(CharSequence text, int position) {
        return position > 0 && position < text.length()
                && Character.isHighSurrogate(text.charAt(position - 1))
                && Character.isLowSurrogate(text.charAt(position));
    }

    /**
     * UTF-8 bytes of one UTF-16 unit in a well-formed text: each half of a surrogate pair counts 2,
     * so a pair counts the 4 bytes of its code point.
     */
    static int utf8Length(char unit) {
        return unit < 0x80 ? 1 : unit < 0x800 || Character.isSurrogate(unit) ? 2 : 3;
    }

    /** UTF-8 bytes of a well-formed {@code text} (no unpaired surrogate). */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            bytes += utf8Length(text.charAt(i));
        }
        return bytes;
    }

    /** Appends {@code text} as a JSON string literal (for messages and {@code toString}). */
    static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && unpairedAt(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean unpairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                : !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
