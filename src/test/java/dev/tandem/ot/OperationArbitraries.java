package dev.tandem.ot;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of documents and operations for the property tests.
 *
 * <p>Documents mix ASCII, CJK, combining marks and astral characters (emoji and CJK extension B,
 * each a surrogate pair), so every property also runs over surrogate pairs. An operation is
 * generated as an {@link Edit} script, independent of any document, and then {@link #fit fitted}
 * to one: the script counts code points, never UTF-16 units, so the cut points of a fitted
 * operation never split a pair. Scripts shrink, so a failure is reported on a small example.
 */
final class OperationArbitraries {

    private OperationArbitraries() {
    }

    /** One step of an edit script: keep, delete or insert {@code count} code points. */
    record Edit(Kind kind, int count, String text) {
        enum Kind { RETAIN, DELETE, INSERT }
    }

    /** Two concurrent operations on {@code doc}. */
    record Concurrent(String doc, TextOperation a, TextOperation b) {
    }

    /** {@code a} on {@code doc}, then {@code b} on {@code a.apply(doc)}. */
    record Sequential(String doc, TextOperation a, TextOperation b) {
    }

    /** A code point from one of four families; astral ones become surrogate pairs in a String. */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between('a', 'f')),
                Tuple.of(1, Arbitraries.of((int) ' ', (int) '\n')),
                Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x4E0F)),      // CJK
                Tuple.of(1, Arbitraries.integers().between(0x0300, 0x0304)),      // combining marks
                Tuple.of(3, Arbitraries.integers().between(0x1F600, 0x1F60F)),    // emoji
                Tuple.of(1, Arbitraries.integers().between(0x20000, 0x20003)));   // CJK ext. B
    }

    static Arbitrary<String> texts(int minCodePoints, int maxCodePoints) {
        return codePoints().list().ofMinSize(minCodePoints).ofMaxSize(maxCodePoints)
                .map(OperationArbitraries::fromCodePoints);
    }

    static Arbitrary<String> documents() {
        return texts(0, 30);
    }

    static Arbitrary<List<Edit>> scripts() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 6);
        Arbitrary<Edit> keep = counts.map(n -> new Edit(Edit.Kind.RETAIN, n, ""));
        Arbitrary<Edit> delete = counts.map(n -> new Edit(Edit.Kind.DELETE, n, ""));
        Arbitrary<Edit> insert = texts(1, 4).map(t -> new Edit(Edit.Kind.INSERT, 0, t));
        return Arbitraries.frequencyOf(
                Tuple.of(4, keep), Tuple.of(3, delete), Tuple.of(3, insert))
                .list().ofMaxSize(10);
    }

    static Arbitrary<TextOperation> operationsOn(String doc) {
        return scripts().map(script -> fit(script, doc));
    }

    static Arbitrary<Concurrent> concurrent() {
        return Combinators.combine(documents(), scripts(), scripts())
                .as((doc, a, b) -> new Concurrent(doc, fit(a, doc), fit(b, doc)));
    }

    static Arbitrary<Sequential> sequential() {
        return Combinators.combine(documents(), scripts(), scripts())
                .as((doc, a, b) -> {
                    TextOperation first = fit(a, doc);
                    return new Sequential(doc, first, fit(b, first.apply(doc)));
                });
    }

    /**
     * The operation that follows {@code script} over {@code doc}: retains and deletes take whole
     * code points (fewer where the document ends), and what the script leaves is retained.
     */
    static TextOperation fit(List<Edit> script, String doc) {
        TextOperation.Builder builder = TextOperation.builder();
        int position = 0;
        for (Edit edit : script) {
            if (edit.kind() == Edit.Kind.INSERT) {
                builder.insert(edit.text());
                continue;
            }
            int end = position;
            for (int i = 0; i < edit.count() && end < doc.length(); i++) {
                end = doc.offsetByCodePoints(end, 1);
            }
            if (edit.kind() == Edit.Kind.RETAIN) {
                builder.retain(end - position);
            } else {
                builder.delete(end - position);
            }
            position = end;
        }
        return builder.retain(doc.length() - position).build();
    }

    /** The UTF-16 positions of {@code doc} that lie between two code points (0 and the length included). */
    static int[] boundaries(String doc) {
        int[] positions = new int[doc.codePointCount(0, doc.length()) + 1];
        for (int i = 1; i < positions.length; i++) {
            positions[i] = doc.offsetByCodePoints(positions[i - 1], 1);
        }
        return positions;
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder(codePoints.size() * 2);
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
