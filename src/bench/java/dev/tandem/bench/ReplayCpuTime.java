package dev.tandem.bench;

import dev.tandem.ot.DocumentText;
import dev.tandem.ot.TextOperation;
import dev.tandem.trace.EditingTrace;
import dev.tandem.trace.EditingTrace.Splice;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The replays of {@link TraceReplayBenchmark} timed by the thread's CPU time, best of 30 runs:
 * on a machine shared with other builds the wall time measures the neighbours as much as the
 * code, the CPU time of the replaying thread much less so. A cross-check, not a replacement for
 * JMH on a quiet machine. Arguments: trace names (default: the three largest).
 */
public final class ReplayCpuTime {

    private static final int RUNS = 30;

    public static void main(String[] args) {
        List<String> traces = args.length > 0 && !args[0].equals(".*")
                ? List.of(args) : List.of("automerge-paper", "seph-blog1", "rustcode");
        for (String name : traces) {
            EditingTrace trace = EditingTrace.read(EditingTrace.directory().resolve(name + ".json.gz"));
            TextOperation[] edits = trace.edits().toArray(TextOperation[]::new);
            List<Splice> splices = trace.splices();
            String start = trace.startContent();
            int expected = trace.endContent().length();
            time(name, "documentText", expected, () -> {
                DocumentText document = new DocumentText(start);
                for (TextOperation edit : edits) {
                    document.apply(edit);
                }
                return document.length();
            });
            time(name, "pieceTable", expected, () -> {
                PieceTable table = new PieceTable(start);
                for (TextOperation edit : edits) {
                    table.apply(edit);
                }
                return table.length();
            });
            time(name, "chunkedRope", expected, () -> {
                ChunkedRope rope = new ChunkedRope(start);
                for (TextOperation edit : edits) {
                    rope.apply(edit);
                }
                return rope.length();
            });
            time(name, "bareGapBuffer", expected, () -> {
                BareGapBuffer buffer = new BareGapBuffer(start);
                for (Splice splice : splices) {
                    buffer.splice(splice.position(), splice.deleted(), splice.inserted());
                }
                return buffer.length();
            });
        }
    }

    private static void time(String trace, String model, int expected, java.util.function.IntSupplier replay) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestCpu = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            int length = replay.getAsInt();
            bestWall = Math.min(bestWall, System.nanoTime() - wall);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            if (length != expected) {
                throw new AssertionError(trace + "/" + model + ": replay ended with " + length + " units, expected " + expected);
            }
        }
        System.out.printf("%-20s %-14s best CPU %7.2f ms   best wall %7.2f ms%n", trace, model, bestCpu / 1e6, bestWall / 1e6);
    }
}
