package dev.tandem.document.bench;

import dev.tandem.store.Append;
import dev.tandem.store.DocumentStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a store to count its writes ({@code append} and {@code appendAll} calls, each one commit),
 * the documents and operations in them and their time: what group commit achieved.
 */
final class CountingStore {

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    DocumentStore wrap(DocumentStore store) {
        return (DocumentStore) Proxy.newProxyInstance(DocumentStore.class.getClassLoader(), new Class<?>[] {DocumentStore.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("append")) {
                            count(1, ((List<?>) args[2]).size(), start);
                        } else if (method.getName().equals("appendAll")) {
                            List<?> appends = (List<?>) args[0];
                            count(appends.size(), appends.stream().mapToInt(a -> ((Append) a).batch().size()).sum(), start);
                        }
                    }
                });
    }

    private void count(int documents, int ops, long start) {
        commits.incrementAndGet();
        batches.addAndGet(documents);
        operations.addAndGet(ops);
        nanos.addAndGet(System.nanoTime() - start);
    }

    /** Writes, mean documents and operations per write and mean write time since the last call. */
    String takeReport() {
        long n = Math.max(commits.getAndSet(0), 1);
        return String.format("%d writes, %.1f documents and %.1f operations per write, %.2f ms per write",
                n, batches.getAndSet(0) / (double) n, operations.getAndSet(0) / (double) n, nanos.getAndSet(0) / 1e6 / n);
    }
}
