package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.OperationArbitraries.Concurrent;
import dev.tandem.ot.OperationArbitraries.Sequential;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The equations in {@link TextOperation}'s doc comments, checked on generated documents and
 * operations that include surrogate pairs (see {@link OperationArbitraries}).
 *
 * <p>Replaying a failure: jqwik prints a report with {@code seed = …} and the shrunk sample.
 * Put that seed on the failing property, {@code @Property(tries = …, seed = "…")}, to run exactly
 * the same cases again; without it, the next run first retries the failing sample, which jqwik
 * keeps in {@code .jqwik-database}.
 */
class TextOperationAlgebraPropertyTest {

    @Provide
    Arbitrary<Concurrent> concurrent() {
        return OperationArbitraries.concurrent();
    }

    @Provide
    Arbitrary<Sequential> sequential() {
        return OperationArbitraries.sequential();
    }

    /** TP1: {@code apply(apply(S, a), b') == apply(apply(S, b), a')}. */
    @Property(tries = 20_000)
    void concurrentOperationsConvergeAfterTransform(@ForAll("concurrent") Concurrent c) {
        TextOperation.Pair primes = TextOperation.transform(c.a(), c.b());

        String viaA = primes.bPrime().apply(c.a().apply(c.doc()));
        String viaB = primes.aPrime().apply(c.b().apply(c.doc()));

        assertThat(viaA).isEqualTo(viaB);
    }

    /** {@code apply(S, compose(a, b)) == apply(apply(S, a), b)}. */
    @Property(tries = 20_000)
    void composedOperationHasTheEffectOfBothInTurn(@ForAll("sequential") Sequential s) {
        TextOperation composed = s.a().compose(s.b());

        assertThat(composed.misfit(s.doc())).isNull();
        assertThat(composed.apply(s.doc())).isEqualTo(s.b().apply(s.a().apply(s.doc())));
    }

    /** {@code apply(apply(S, a), invert(a, S)) == S}. */
    @Property(tries = 10_000)
    void invertedOperationRestoresTheDocument(@ForAll("concurrent") Concurrent c) {
        String after = c.a().apply(c.doc());

        assertThat(c.a().invert(c.doc()).apply(after)).isEqualTo(c.doc());
    }

    /**
     * Base and target lengths of compose and invert follow from the inputs', and every apply
     * produces a text of the operation's target length.
     */
    @Property(tries = 10_000)
    void lengthsOfResultsFollowFromTheInputs(@ForAll("sequential") Sequential s) {
        TextOperation a = s.a();
        TextOperation b = s.b();
        assertThat(a.baseLength()).isEqualTo(s.doc().length());
        assertThat(a.apply(s.doc())).hasSize(a.targetLength());
        assertThat(b.baseLength()).isEqualTo(a.targetLength());

        TextOperation composed = a.compose(b);
        assertThat(composed.baseLength()).isEqualTo(a.baseLength());
        assertThat(composed.targetLength()).isEqualTo(b.targetLength());

        TextOperation inverse = a.invert(s.doc());
        assertThat(inverse.baseLength()).isEqualTo(a.targetLength());
        assertThat(inverse.targetLength()).isEqualTo(a.baseLength());
    }

    /** The primes of a transform apply where TP1 applies them, and end at one length. */
    @Property(tries = 10_000)
    void transformedOperationsFitTheOtherSidesResult(@ForAll("concurrent") Concurrent c) {
        TextOperation.Pair primes = TextOperation.transform(c.a(), c.b());

        assertThat(primes.aPrime().baseLength()).isEqualTo(c.b().targetLength());
        assertThat(primes.bPrime().baseLength()).isEqualTo(c.a().targetLength());
        assertThat(primes.aPrime().targetLength()).isEqualTo(primes.bPrime().targetLength());
        assertThat(primes.aPrime().misfit(c.b().apply(c.doc()))).isNull();
        assertThat(primes.bPrime().misfit(c.a().apply(c.doc()))).isNull();
    }

    /** {@code fromWire(op.toWire()) == op}, and the wire form is the normal form. */
    @Property(tries = 10_000)
    void wireFormReadsBackAsTheSameOperation(@ForAll("sequential") Sequential s) {
        for (TextOperation op : new TextOperation[] {s.a(), s.b(), s.a().compose(s.b())}) {
            WireResult read = TextOperation.fromWire(op.toWire());

            assertThat(read).isEqualTo(new WireResult.Valid(op));
            assertThat(((WireResult.Valid) read).operation().toWire()).isEqualTo(op.toWire());
        }
    }
}
