package dev.tandem.bench;

import dev.tandem.ot.TextOperation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The transforms of {@link TransformBenchmark} counted per second of the thread's CPU time, best
 * of 10 rounds of 10 million: a cross-check for a machine shared with other builds, like
 * {@link ReplayCpuTime}.
 */
public final class TransformCpuTime {

    private static final int ROUND = 10_000_000;

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long components = 0; // consumed, so the transforms cannot be optimised away
        for (String kind : new String[] {"insertDelete", "insertInsert"}) {
            TextOperation[][] pairs = TransformBenchmark.pairs(kind);
            double bestCpu = 0;
            double bestWall = 0;
            for (int round = 0; round < 10; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int k = 0; k < ROUND; k++) {
                    int p = k & (TransformBenchmark.PAIRS - 1);
                    components += TextOperation.transform(pairs[0][p], pairs[1][p]).aPrime().size();
                }
                bestWall = Math.max(bestWall, ROUND / ((System.nanoTime() - wall) / 1e9));
                bestCpu = Math.max(bestCpu, ROUND / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
            }
            System.out.printf("%-14s best %5.1f million transforms/s by CPU time, %5.1f million/s by wall time%n",
                    kind, bestCpu / 1e6, bestWall / 1e6);
        }
        System.out.println("(" + components + " components)");
    }
}
