package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Many writers at once. The service appends to one document from one thread, but a second
 * server node is another writer, and the store must let exactly one of them win each head.
 */
interface ConcurrencyContract extends StoreContract {

    int WRITERS = 8;

    @Test
    default void concurrentAppendsAtOneHeadHaveExactlyOneWinner() throws Exception {
        int rounds = 20;
        long head = 0;
        for (int round = 0; round < rounds; round++) {
            long at = head;
            int seq = round;
            List<AppendResult> results = allAtOnce(WRITERS, writer -> store().append("race", at,
                    List.of(Typing.insertAt(at, "writer-" + writer, 2L * seq), Typing.insertAt(at + 1, "writer-" + writer, 2L * seq + 1)),
                    (int) at + 2));

            assertThat(results).as("round %d at head %d", round, at)
                    .containsOnlyOnce(new AppendResult.Appended(at + 2))
                    .filteredOn(result -> result instanceof AppendResult.Conflict)
                    .hasSize(WRITERS - 1)
                    .containsOnly(new AppendResult.Conflict(at + 2));
            head += 2;
        }
        List<StoredOperation> log = store().read("race", 0, head + 10);
        assertThat(log).extracting(StoredOperation::rev).containsExactlyElementsOf(LongStream.range(0, head).boxed().toList());
        for (int i = 0; i < log.size(); i += 2) {
            assertThat(log.get(i + 1).src()).as("both operations of a batch are the one winner's, at rev %d", i).isEqualTo(log.get(i).src());
        }
        assertThat(store().summary("race").orElseThrow().rev()).isEqualTo(head);
    }

    @Test
    default void writersThatCatchUpAfterAConflictAllGetIn() throws Exception {
        int each = 15;
        allAtOnce(WRITERS, writer -> {
            long head = 0;
            for (int seq = 1; seq <= each; ) {
                AppendResult result = store().append("shared", head, List.of(Typing.insertAt(head, "writer-" + writer, seq)), (int) head + 1);
                if (result instanceof AppendResult.Conflict conflict) {
                    assertThat(conflict.actualHead()).as("head reported by a conflict at %d", head).isNotEqualTo(head);
                    head = conflict.actualHead();
                } else {
                    head = ((AppendResult.Appended) result).head();
                    seq++;
                }
            }
            return null;
        });

        long total = (long) WRITERS * each;
        assertThat(store().summary("shared").orElseThrow().rev()).isEqualTo(total);
        List<StoredOperation> log = store().read("shared", 0, total);
        assertThat(log).extracting(StoredOperation::rev).containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
        for (int writer = 0; writer < WRITERS; writer++) {
            assertThat(store().lastSeq("shared", "writer-" + writer)).as("writer %d", writer).isEqualTo(each);
        }
    }

    @Test
    default void appendsToManyDocumentsProceedInParallel() throws Exception {
        int documents = 16;
        int batches = 30;
        allAtOnce(documents, writer -> {
            String id = "doc-" + writer;
            Typing typing = new Typing("writer-" + writer);
            long head = 0;
            for (int batch = 0; batch < batches; batch++) {
                head = appendOrFail(id, head, typing.type("x".repeat(batch % 3 + 1), "y"), typing.text().length());
            }
            return null;
        });

        assertThat(store().list(100)).hasSize(documents);
        for (int writer = 0; writer < documents; writer++) {
            String id = "doc-" + writer;
            StoredDocument loaded = store().load(id).orElseThrow();
            assertThat(loaded.head()).as("head of %s", id).isEqualTo(2L * batches);
            String text = "";
            for (StoredOperation operation : loaded.tail()) {
                text = operation.operation().apply(text);
            }
            assertThat(store().summary(id).orElseThrow().length()).as("length of %s", id).isEqualTo(text.length());
        }
    }

    /** Runs {@code task(0..n-1)} on n threads released together, and gives back their results in order. */
    private static <T> List<T> allAtOnce(int n, WriterTask<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int writer = i;
                Callable<T> call = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(writer);
                };
                futures.add(threads.submit(call));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("%d writer threads started", n).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    interface WriterTask<T> {
        T run(int writer) throws Exception;
    }
}
