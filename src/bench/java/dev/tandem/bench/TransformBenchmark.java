package dev.tandem.bench;

import dev.tandem.ot.TextOperation;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transforms keystroke-sized concurrent operations on a 100 KB document, as the server does for
 * every incoming operation against each one the client had not seen. Goal: 10 million transforms
 * per second. The pairs are made once, at random positions (seeded), and cycled through.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TransformBenchmark {

    private static final int DOCUMENT = 100_000;
    static final int PAIRS = 1024; // a power of two, cycled through with a mask

    /** insertDelete: {@code [i, "x", n-i]} against {@code [j, -1, n-j-1]}; insertInsert: both type a letter. */
    @Param({"insertDelete", "insertInsert"})
    public String pair;

    private final TextOperation[] incoming = new TextOperation[PAIRS];
    private final TextOperation[] history = new TextOperation[PAIRS];
    private int next;

    @Setup
    public void makePairs() {
        TextOperation[][] pairs = pairs(pair);
        System.arraycopy(pairs[0], 0, incoming, 0, PAIRS);
        System.arraycopy(pairs[1], 0, history, 0, PAIRS);
    }

    /** {@link #PAIRS} keystroke pairs of the given kind: {@code [incoming[], history[]]}. */
    static TextOperation[][] pairs(String kind) {
        Random random = new Random(20261125);
        TextOperation[][] pairs = new TextOperation[2][PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            int i = random.nextInt(DOCUMENT + 1);
            int j = random.nextInt(DOCUMENT);
            pairs[0][k] = TextOperation.builder().retain(i).insert("x").retain(DOCUMENT - i).build();
            pairs[1][k] = kind.equals("insertInsert")
                    ? TextOperation.builder().retain(j).insert("y").retain(DOCUMENT - j).build()
                    : TextOperation.builder().retain(j).delete(1).retain(DOCUMENT - j - 1).build();
        }
        return pairs;
    }

    @Benchmark
    public TextOperation.Pair transform() {
        int k = next++ & (PAIRS - 1);
        return TextOperation.transform(incoming[k], history[k]);
    }
}
