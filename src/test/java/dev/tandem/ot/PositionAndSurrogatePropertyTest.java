package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.OperationArbitraries.Concurrent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Positions carried through operations, and PROTOCOL.md's rule that a document never holds an
 * unpaired surrogate, on generated documents with surrogate pairs (see {@link OperationArbitraries}).
 *
 * <p>Replaying a failure: jqwik prints a report with {@code seed = …} and the shrunk sample.
 * Put that seed on the failing property, {@code @Property(tries = …, seed = "…")}, to run exactly
 * the same cases again; without it, the next run first retries the failing sample, which jqwik
 * keeps in {@code .jqwik-database}.
 */
class PositionAndSurrogatePropertyTest {

    @Provide
    Arbitrary<Concurrent> concurrent() {
        return OperationArbitraries.concurrent();
    }

    /**
     * A cursor before a character that {@code b} keeps still stands before that character after
     * {@code b}, at the index the character moved to. Positions never move backwards past each
     * other and stay inside the new text.
     */
    @Property(tries = 10_000)
    void cursorFollowsTheCharacterItStandsBefore(@ForAll("concurrent") Concurrent c) {
        TextOperation b = c.b();
        String after = b.apply(c.doc());
        int[] moved = whereUnitsMove(b);
        int previous = 0;
        for (int position : OperationArbitraries.boundaries(c.doc())) {
            int transformed = b.transformPosition(position);
            if (position < c.doc().length() && moved[position] >= 0) {
                assertThat(transformed).as("position %d", position).isEqualTo(moved[position]);
                assertThat(after.charAt(transformed)).isEqualTo(c.doc().charAt(position));
            }
            assertThat(transformed).isBetween(previous, after.length());
            previous = transformed;
        }
    }

    /**
     * Transforming a position agrees with transforming an operation: a cursor at {@code p} goes
     * where {@code transform(b, insertAt(p))} puts the insert, given {@code b} the priority (its
     * insert at {@code p} comes first, as an insert at a cursor pushes the cursor behind it).
     */
    @Property(tries = 10_000)
    void cursorGoesWhereTransformPutsAnInsertAtIt(@ForAll("concurrent") Concurrent c) {
        int length = c.doc().length();
        for (int position : OperationArbitraries.boundaries(c.doc())) {
            TextOperation insertAtCursor = TextOperation.builder()
                    .retain(position).insert("|").retain(length - position).build();

            TextOperation moved = TextOperation.transform(c.b(), insertAtCursor).bPrime();

            int insertedAt = moved.isInsert(0) ? 0 : moved.length(0);
            assertThat(c.b().transformPosition(position)).as("position %d", position).isEqualTo(insertedAt);
        }
    }

    /** Both ends of a range move as positions do, and a cursor stays a cursor. */
    @Property(tries = 5_000)
    void rangeMovesBothEndsLikePositions(@ForAll("ranges") RangeOnDocument r) {
        Range moved = r.range().transform(r.op());

        assertThat(moved).isEqualTo(new Range(r.op().transformPosition(r.range().anchor()),
                r.op().transformPosition(r.range().head())));
        if (r.range().anchor() == r.range().head()) {
            assertThat(moved.head()).isEqualTo(moved.anchor());
        }
        assertThat(moved.clamp(r.op().targetLength())).isEqualTo(moved);
    }

    /**
     * Over well-formed documents and operations, apply, transform, compose and invert only give
     * well-formed texts and operations that fit where they apply.
     */
    @Property(tries = 20_000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // the coverage check below still fails the property
    void wellFormedInputsGiveWellFormedResults(@ForAll("concurrent") Concurrent c) {
        String doc = c.doc();
        Statistics.label("document").collect(doc.codePointCount(0, doc.length()) < doc.length() ? "has pairs" : "no pairs");
        Statistics.label("document").coverage(check -> check.check("has pairs").percentage(p -> p > 50));
        TextOperation.Pair primes = TextOperation.transform(c.a(), c.b());
        String afterA = c.a().apply(doc);
        String afterB = c.b().apply(doc);
        TextOperation composed = c.a().compose(primes.bPrime());
        TextOperation inverse = c.a().invert(doc);

        for (String text : new String[] {afterA, afterB, primes.aPrime().apply(afterB), composed.apply(doc)}) {
            assertThat(Unicode.unpairedSurrogateIndex(text)).as(text).isEqualTo(-1);
        }
        assertThat(primes.aPrime().misfit(afterB)).isNull();
        assertThat(primes.bPrime().misfit(afterA)).isNull();
        assertThat(composed.misfit(doc)).isNull();
        assertThat(inverse.misfit(afterA)).isNull();
        for (TextOperation op : new TextOperation[] {primes.aPrime(), primes.bPrime(), composed, inverse}) {
            assertThat(TextOperation.fromWire(op.toWire())).as(op.toString()).isInstanceOf(WireResult.Valid.class);
        }
    }

    /** An operation with a component boundary inside a surrogate pair is a misfit, named by position. */
    @Property(tries = 5_000)
    void operationCuttingAPairIsAMisfit(@ForAll("pairCuts") PairCut cut) {
        assertThat(TextOperation.fromWire(cut.op().toWire())).isInstanceOf(WireResult.Valid.class);

        assertThat(cut.op().misfit(cut.doc()))
                .isEqualTo("operation cuts a surrogate pair at position " + cut.position());
    }

    record RangeOnDocument(String doc, TextOperation op, Range range) {
    }

    record PairCut(String doc, int position, TextOperation op) {
    }

    @Provide
    Arbitrary<RangeOnDocument> ranges() {
        return Combinators.combine(concurrent(), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false))
                .as((c, anchor, head, isCursor) -> {
                    int[] at = OperationArbitraries.boundaries(c.doc());
                    int a = at[anchor % at.length];
                    return new RangeOnDocument(c.doc(), c.b(), new Range(a, isCursor ? a : at[head % at.length]));
                });
    }

    /** A document with an astral character after {@code before}, and an operation with a boundary between its halves. */
    @Provide
    Arbitrary<PairCut> pairCuts() {
        Arbitrary<Integer> astral = Arbitraries.integers().between(0x10000, 0x10FFFF);
        return Combinators.combine(OperationArbitraries.texts(0, 8), astral, OperationArbitraries.texts(0, 8),
                Arbitraries.integers().between(0, 3), OperationArbitraries.texts(1, 3))
                .as((before, codePoint, rest, shape, inserted) -> {
                    String doc = before + Character.toString(codePoint) + rest;
                    int cut = before.length() + 1;
                    int tail = doc.length() - cut;
                    TextOperation.Builder op = TextOperation.builder();
                    switch (shape) {
                        case 0 -> op.retain(cut).insert(inserted).retain(tail);
                        case 1 -> op.retain(cut).delete(tail);
                        case 2 -> op.delete(cut).retain(tail);
                        default -> op.retain(before.length()).delete(1).insert(inserted).retain(tail);
                    }
                    return new PairCut(doc, cut, op.build());
                });
    }

    /** Where each unit of the base text ends up after {@code op}, or -1 where it is deleted. */
    private static int[] whereUnitsMove(TextOperation op) {
        int[] moved = new int[op.baseLength()];
        int base = 0;
        int target = 0;
        for (int i = 0; i < op.size(); i++) {
            int n = op.length(i);
            if (op.isInsert(i)) {
                target += n;
            } else {
                for (int k = 0; k < n; k++) {
                    moved[base + k] = op.isRetain(i) ? target + k : -1;
                }
                base += n;
                target += op.isRetain(i) ? n : 0;
            }
        }
        return moved;
    }
}
