package dev.tandem.document;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in the order they were given, on threads borrowed from a shared pool:
 * a document's lane. Many lanes share few threads, so there is no thread per document and no
 * global lock; a task on a lane never blocks (I/O goes to another executor and comes back as a
 * new task).
 *
 * <p>Threading: {@link #execute} may be called from any thread. Each task happens-before the next.
 */
final class SerialLane implements Executor {

    private static final Logger LOG = Logger.getLogger(SerialLane.class.getName());

    /** Tasks run per turn before the lane yields its thread, so one busy document cannot starve the others. */
    private static final int TURN = 256;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Tasks queued and not yet finished: the lane is scheduled on the pool exactly while this is above zero. */
    private final AtomicInteger count = new AtomicInteger();

    SerialLane(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task); // before the increment, so the drainer always finds it
        if (count.getAndIncrement() == 0) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        for (int i = 0; i < TURN; i++) {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // a bug in a task must not stop the lane: later tasks (and other documents) go on
                LOG.log(Level.SEVERE, "task on a document lane failed", e);
            }
            if (count.decrementAndGet() == 0) {
                return;
            }
        }
        pool.execute(this::drain);
    }
}
