package dev.tandem.ot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a sequence of operations changed in a text, span by span, with the author of every
 * inserted and deleted span: the composition of the operations, annotated. Made by a
 * {@link Tracker} that follows the operations one by one, so it is exact where a text diff
 * would guess: a unit counts as inserted only if an operation inserted it, whatever it looks
 * like, and text inserted and deleted again in between leaves no trace.
 *
 * <p>With {@code A} the text the tracker started from, {@code B} the text after the last
 * operation and {@code ops} the operations:
 * <ul>
 *   <li>{@code oldText() == A} (the {@code KEEP} and {@code DELETE} spans in order) and
 *       {@code newText() == B} (the {@code KEEP} and {@code INSERT} spans in order);
 *   <li>{@code operation() == ops[0].compose(ops[1])…compose(ops[n-1])}, so
 *       {@code operation().apply(A) == B}, and {@code revert().apply(B) == A};
 *   <li>the author of an {@code INSERT} span is that of the operation that inserted its text,
 *       the author of a {@code DELETE} span that of the operation that deleted it from
 *       {@code A}, and a {@code KEEP} span has none ({@code null});
 *   <li>no span is empty, and two neighbours differ in kind or author.
 * </ul>
 * Where text was deleted and other text inserted at the same place, the deleted span comes
 * first.
 */
public final class Diff {

    public enum Kind { KEEP, INSERT, DELETE }

    /** A run of units that were kept, inserted or deleted; {@code author} is {@code null} on {@code KEEP}. */
    public record Span(Kind kind, String text, String author) {
    }

    private final List<Span> spans;

    private Diff(List<Span> spans) {
        this.spans = List.copyOf(spans);
    }

    public List<Span> spans() {
        return spans;
    }

    /** The text before: the {@code KEEP} and {@code DELETE} spans. */
    public String oldText() {
        return join(Kind.DELETE);
    }

    /** The text after: the {@code KEEP} and {@code INSERT} spans. */
    public String newText() {
        return join(Kind.INSERT);
    }

    /** The composition of the tracked operations, in normal form. */
    public TextOperation operation() {
        TextOperation.Builder builder = TextOperation.builder();
        for (Span span : spans) {
            switch (span.kind()) {
                case KEEP -> builder.retain(span.text().length());
                case INSERT -> builder.insert(span.text());
                case DELETE -> builder.delete(span.text().length());
            }
        }
        return builder.build();
    }

    /**
     * The operation that takes the text after back to the text before, made from the spans
     * alone: {@code revert().apply(newText()) == oldText()}, and
     * {@code revert() == operation().invert(oldText())}. Restoring a version is this operation
     * submitted on the head like any edit.
     */
    public TextOperation revert() {
        TextOperation.Builder builder = TextOperation.builder();
        for (Span span : spans) {
            switch (span.kind()) {
                case KEEP -> builder.retain(span.text().length());
                case INSERT -> builder.delete(span.text().length());
                case DELETE -> builder.insert(span.text());
            }
        }
        return builder.build();
    }

    private String join(Kind changed) {
        StringBuilder text = new StringBuilder();
        for (Span span : spans) {
            if (span.kind() == Kind.KEEP || span.kind() == changed) {
                text.append(span.text());
            }
        }
        return text.toString();
    }

    /**
     * Follows operations from a text and attributes every change. Each operation costs one pass
     * over the tracker's pieces, whose number grows with the places changed, not with the
     * operations: text typed on in one place by one author stays one piece (a piece table: the
     * inserted text of all operations lives in one buffer, and a piece names a range of it or of
     * the starting text).
     *
     * <p>Not thread-safe: one caller at a time.
     */
    public static final class Tracker {

        /** A run of the starting text ({@code KEEP}, {@code DELETE}) or of {@link #added} ({@code INSERT}). */
        private record Piece(Kind kind, String author, int start, int end) {
            int length() {
                return end - start;
            }
        }

        private final String base;
        private final StringBuilder added = new StringBuilder();
        /** In document order; {@code DELETE} pieces are tombstones, not part of the current text. */
        private List<Piece> pieces = new ArrayList<>();
        private int length;

        public Tracker(String text) {
            this.base = text;
            this.length = text.length();
            emit(pieces, Kind.KEEP, null, 0, text.length());
        }

        /** The length of the text after the operations so far. */
        public int length() {
            return length;
        }

        /**
         * Follows {@code operation}, made by {@code author} (may be {@code null}).
         *
         * @throws IllegalArgumentException if the operation does not apply to the current text
         */
        public Tracker apply(TextOperation operation, String author) {
            if (operation.baseLength() != length) {
                throw new IllegalArgumentException("operation spans " + operation.baseLength() + " units, the text has " + length);
            }
            if (operation.isNoop()) {
                return this;
            }
            if (isOneSplice(operation)) {
                splice(operation, author);
                length = operation.targetLength();
                return this;
            }
            List<Piece> out = new ArrayList<>(pieces.size() + 4);
            int i = 0;
            int offset = 0; // into pieces[i], which is KEEP or INSERT whenever offset > 0
            for (int c = 0; c < operation.size(); c++) {
                if (operation.isInsert(c)) {
                    // behind the tombstones at the cursor: a replaced span reads deleted, then inserted
                    while (offset == 0 && i < pieces.size() && pieces.get(i).kind() == Kind.DELETE) {
                        emit(out, pieces.get(i++));
                    }
                    int start = added.length();
                    added.append(operation.insertedText(c));
                    emit(out, Kind.INSERT, author, start, added.length());
                    continue;
                }
                boolean retain = operation.isRetain(c);
                int n = operation.length(c);
                while (n > 0) {
                    Piece piece = pieces.get(i);
                    if (piece.kind() == Kind.DELETE) {
                        emit(out, piece);
                        i++;
                        continue;
                    }
                    int take = Math.min(n, piece.length() - offset);
                    int from = piece.start() + offset;
                    if (retain) {
                        emit(out, piece.kind(), piece.author(), from, from + take);
                    } else if (piece.kind() == Kind.KEEP) {
                        emit(out, Kind.DELETE, author, from, from + take);
                    } // else: text inserted in between and deleted again leaves no trace
                    n -= take;
                    offset += take;
                    if (offset == piece.length()) {
                        i++;
                        offset = 0;
                    }
                }
            }
            while (i < pieces.size()) {
                emit(out, pieces.get(i++)); // tombstones only: the operation covered the whole text
            }
            pieces = out;
            length = operation.targetLength();
            return this;
        }

        /** Whether the operation is {@code [retain]? [insert]? [delete]? [retain]?}: one keystroke, paste or cut. */
        private static boolean isOneSplice(TextOperation operation) {
            int c = 0;
            int n = operation.size();
            if (c < n && operation.isRetain(c)) {
                c++;
            }
            if (c < n && operation.isInsert(c)) {
                c++;
            }
            if (c < n && operation.isDelete(c)) {
                c++;
            }
            if (c < n && operation.isRetain(c)) {
                c++;
            }
            return c == n;
        }

        /**
         * {@link #apply} for one splice, editing the pieces where it happens instead of copying
         * them all: the same pieces in the same order as the general walk (the tombstones before
         * the splice's position are passed, an insert goes behind those at it), found by summing
         * lengths, then a few replaced in place. Most operations are keystrokes, so this is what
         * keeps a diff over a long history fast.
         */
        private void splice(TextOperation operation, String author) {
            int c = 0;
            int remaining = operation.isRetain(0) ? operation.length(c++) : 0;
            int i = 0;
            while (remaining > 0) {
                Piece piece = pieces.get(i);
                if (piece.kind() != Kind.DELETE) {
                    if (remaining < piece.length()) {
                        // split it: the cursor goes between its halves
                        pieces.set(i, new Piece(piece.kind(), piece.author(), piece.start(), piece.start() + remaining));
                        pieces.add(i + 1, new Piece(piece.kind(), piece.author(), piece.start() + remaining, piece.end()));
                        remaining = 0;
                    } else {
                        remaining -= piece.length();
                    }
                }
                i++;
            }
            if (c < operation.size() && operation.isInsert(c)) {
                while (i < pieces.size() && pieces.get(i).kind() == Kind.DELETE) {
                    i++;
                }
                int start = added.length();
                added.append(operation.insertedText(c++));
                Piece previous = i > 0 ? pieces.get(i - 1) : null;
                if (previous != null && previous.kind() == Kind.INSERT && Objects.equals(previous.author(), author) && previous.end() == start) {
                    pieces.set(i - 1, new Piece(Kind.INSERT, author, previous.start(), added.length()));
                } else {
                    pieces.add(i++, new Piece(Kind.INSERT, author, start, added.length()));
                }
            }
            if (c < operation.size() && operation.isDelete(c)) {
                int deleting = operation.length(c);
                while (deleting > 0) {
                    Piece piece = pieces.get(i);
                    if (piece.kind() == Kind.DELETE) {
                        i++;
                        continue;
                    }
                    int take = Math.min(deleting, piece.length());
                    if (take < piece.length()) {
                        pieces.add(i + 1, new Piece(piece.kind(), piece.author(), piece.start() + take, piece.end()));
                    }
                    deleting -= take;
                    if (piece.kind() == Kind.INSERT) {
                        pieces.remove(i); // inserted in between and deleted again: no trace
                        continue;
                    }
                    Piece previous = i > 0 ? pieces.get(i - 1) : null;
                    if (previous != null && previous.kind() == Kind.DELETE && Objects.equals(previous.author(), author)
                            && previous.end() == piece.start()) {
                        pieces.set(i - 1, new Piece(Kind.DELETE, author, previous.start(), piece.start() + take));
                        pieces.remove(i);
                    } else {
                        pieces.set(i++, new Piece(Kind.DELETE, author, piece.start(), piece.start() + take));
                    }
                }
            }
        }

        /** The changes so far. */
        public Diff diff() {
            List<Span> spans = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            Piece run = null;
            for (Piece piece : pieces) {
                if (run != null && (run.kind() != piece.kind() || !Objects.equals(run.author(), piece.author()))) {
                    spans.add(new Span(run.kind(), text.toString(), run.author()));
                    text.setLength(0);
                }
                if (piece.kind() == Kind.INSERT) {
                    text.append(added, piece.start(), piece.end());
                } else {
                    text.append(base, piece.start(), piece.end());
                }
                run = piece;
            }
            if (run != null) {
                spans.add(new Span(run.kind(), text.toString(), run.author()));
            }
            return new Diff(spans);
        }

        private static void emit(List<Piece> out, Piece piece) {
            emit(out, piece.kind(), piece.author(), piece.start(), piece.end());
        }

        /** Appends a piece, extending the last one when it continues it (same kind, author and source, adjacent). */
        private static void emit(List<Piece> out, Kind kind, String author, int start, int end) {
            if (start == end) {
                return;
            }
            int last = out.size() - 1;
            if (last >= 0) {
                Piece previous = out.get(last);
                if (previous.kind() == kind && Objects.equals(previous.author(), author) && previous.end() == start) {
                    out.set(last, new Piece(kind, author, previous.start(), end));
                    return;
                }
            }
            out.add(new Piece(kind, author, start, end));
        }
    }
}
