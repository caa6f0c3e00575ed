package dev.tandem.document.bench;

import dev.tandem.store.DocumentStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a store to count appends, their batch sizes and time: what group commit achieved. */
final class CountingStore {

    private final AtomicLong appends = new AtomicLong();
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
                            appends.incrementAndGet();
                            operations.addAndGet(((List<?>) args[2]).size());
                            nanos.addAndGet(System.nanoTime() - start);
                        }
                    }
                });
    }

    /** Appends, mean batch size and mean append time since the last call. */
    String takeReport() {
        long n = Math.max(appends.getAndSet(0), 1);
        return String.format("%d appends, %.1f operations per batch, %.2f ms per append",
                n, operations.getAndSet(0) / (double) n, nanos.getAndSet(0) / 1e6 / n);
    }
}
