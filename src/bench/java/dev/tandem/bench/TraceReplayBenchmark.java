package dev.tandem.bench;

import dev.tandem.ot.DocumentText;
import dev.tandem.ot.TextOperation;
import dev.tandem.trace.EditingTrace;
import dev.tandem.trace.EditingTrace.Splice;
import java.util.List;
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
 * Replays a whole recorded editing trace per invocation: the time is milliseconds per trace. The
 * operations are built once in setup, as the server gets them already parsed; {@code ...Building}
 * builds each one inside the timing too. Goal: automerge-paper (259,778 edits) in 20 ms or less
 * with {@link DocumentText}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TraceReplayBenchmark {

    @Param({"automerge-paper", "seph-blog1", "rustcode", "sveltecomponent", "clownschool_flat", "friendsforever_flat"})
    public String trace;

    private EditingTrace recorded;
    private List<Splice> splices;
    private TextOperation[] edits;

    @Setup
    public void read() {
        recorded = EditingTrace.read(EditingTrace.directory().resolve(trace + ".json.gz"));
        splices = recorded.splices();
        edits = recorded.edits().toArray(TextOperation[]::new);
        // the contenders must be right before their time means anything
        ChunkedRope rope = new ChunkedRope(recorded.startContent());
        PieceTable table = new PieceTable(recorded.startContent());
        for (TextOperation edit : edits) {
            rope.apply(edit);
            table.apply(edit);
        }
        if (!rope.toString().equals(recorded.endContent()) || !table.toString().equals(recorded.endContent())) {
            throw new AssertionError(trace + ": a contender replayed the trace to another text");
        }
    }

    @Benchmark
    public int documentText() {
        DocumentText document = new DocumentText(recorded.startContent());
        for (TextOperation edit : edits) {
            document.apply(edit);
        }
        return check(document.length());
    }

    @Benchmark
    public int documentTextBuilding() {
        DocumentText document = new DocumentText(recorded.startContent());
        for (Splice splice : splices) {
            document.apply(splice.operation(document.length()));
        }
        return check(document.length());
    }

    /** The floor: a bare gap buffer splicing raw edits, no operation at all. */
    @Benchmark
    public int bareGapBuffer() {
        BareGapBuffer buffer = new BareGapBuffer(recorded.startContent());
        for (Splice splice : splices) {
            buffer.splice(splice.position(), splice.deleted(), splice.inserted());
        }
        return check(buffer.length());
    }

    @Benchmark
    public int chunkedRope() {
        ChunkedRope rope = new ChunkedRope(recorded.startContent());
        for (TextOperation edit : edits) {
            rope.apply(edit);
        }
        return check(rope.length());
    }

    @Benchmark
    public int pieceTable() {
        PieceTable table = new PieceTable(recorded.startContent());
        for (TextOperation edit : edits) {
            table.apply(edit);
        }
        return check(table.length());
    }

    @Benchmark
    public int stringBuilderReplace() {
        StringBuilder text = new StringBuilder(recorded.startContent());
        for (Splice splice : splices) {
            text.replace(splice.position(), splice.position() + splice.deleted(), splice.inserted());
        }
        return check(text.length());
    }

    /** What the server would do without a document model: a new String per operation. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public int stringApply() {
        String text = recorded.startContent();
        for (TextOperation edit : edits) {
            text = edit.apply(text);
        }
        return check(text.length());
    }

    private int check(int length) {
        if (length != recorded.endContent().length()) {
            throw new AssertionError(trace + ": replay ended with " + length + " units, expected " + recorded.endContent().length());
        }
        return length;
    }
}
