package dev.tandem.store;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises appends to one document inside this JVM, where the database cannot be trusted to.
 *
 * <p>H2 2.x mishandles concurrent transactions on one row: an {@code UPDATE} that changes an
 * indexed column fails with error 90112 ("Row not found when trying to delete from index") and
 * is retried until the lock timeout, and rollbacks under that contention can stall for seconds.
 * An embedded H2 file belongs to one process, so serialising its appends per document here
 * removes the contention entirely and loses nothing; an SQLite file is used the same way (one
 * writer at a time in any case, lanes keep its writers from queueing on its lock). PostgreSQL needs no lanes: its row lock
 * and the primary key decide between server nodes as well as threads.
 *
 * <p>The service already appends to one document from one thread at a time, so lanes cost it
 * nothing; they matter for other threads that write (tests, tools). Lanes belong to one store
 * object: open one {@link JdbcDocumentStore} per H2 database, as the application does.
 */
final class AppendLanes {

    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes;

    private AppendLanes(ReentrantLock[] stripes) {
        this.stripes = stripes;
    }

    /** One lock per stripe of document ids (two documents may share one; that only orders them). */
    static AppendLanes striped() {
        ReentrantLock[] stripes = new ReentrantLock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        return new AppendLanes(stripes);
    }

    /** No serialisation: the database decides. */
    static AppendLanes none() {
        return new AppendLanes(null);
    }

    <T> T inLane(String documentId, Supplier<T> append) {
        if (stripes == null) {
            return append.get();
        }
        ReentrantLock lock = stripes[Math.floorMod(documentId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return append.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code append} holding the lanes of all {@code documentIds}, taken in stripe order so
     * that two such calls cannot wait for each other.
     */
    <T> T inLanes(Collection<String> documentIds, Supplier<T> append) {
        if (stripes == null) {
            return append.get();
        }
        TreeSet<Integer> taken = new TreeSet<>();
        for (String id : documentIds) {
            taken.add(Math.floorMod(id.hashCode(), STRIPES));
        }
        int locked = 0;
        try {
            for (int stripe : taken) {
                stripes[stripe].lock();
                locked++;
            }
            return append.get();
        } finally {
            for (int stripe : taken) {
                if (locked-- == 0) {
                    break;
                }
                stripes[stripe].unlock();
            }
        }
    }
}
