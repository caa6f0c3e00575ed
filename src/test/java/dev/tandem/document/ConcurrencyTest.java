package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads edit through simulated ot.js clients, which reconnect now and then with an
 * operation in flight; at the end every copy equals the server's text, each operation is in the
 * log exactly once and confirmed exactly once, and revisions are contiguous.
 */
class ConcurrencyTest extends ServiceFixture {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void manyClientsOfOneDocumentConverge() throws Exception {
        run(1, 8, 150, SMALL);
    }

    @Test
    void manyClientsOfManyDocumentsConverge() throws Exception {
        run(20, 3, 40, SMALL);
    }

    @Test
    void clientsFarBehindTheHeadConvergeThroughTheStoredLog() throws Exception {
        run(2, 5, 100, SMALL.withRecentOperations(8).withSnapshotEvery(16).withMaxBatch(4));
    }

    private void run(int documents, int perDocument, int editsEach, DocumentSettings settings) throws Exception {
        long seed = new Random().nextLong();
        System.out.println(getClass().getSimpleName() + " seed " + seed + " (" + documents + " x " + perDocument + ")");
        Random seeds = new Random(seed);
        start(settings);
        Map<String, List<Editor>> byDocument = new HashMap<>();
        List<Editor> all = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            for (int e = 0; e < perDocument; e++) {
                Editor editor = join("doc" + d, "editor-" + d + "-" + e);
                byDocument.computeIfAbsent("doc" + d, k -> new ArrayList<>()).add(editor);
                all.add(editor);
            }
        }
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int slice = t;
            Random random = new Random(seeds.nextLong());
            work.add(threads.submit(() -> {
                for (int i = 0; i < editsEach * all.size() / 4; i++) {
                    Editor editor = all.get((slice + 4 * random.nextInt(all.size())) % all.size());
                    if (random.nextInt(40) == 0) {
                        editor.reconnect();
                    } else {
                        editor.editRandomly(random);
                    }
                    if (random.nextInt(10) == 0) {
                        editor.await(editor::isSynchronized, "its edits confirmed");
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        for (Map.Entry<String, List<Editor>> entry : byDocument.entrySet()) {
            checkConverged(entry.getKey(), entry.getValue());
        }
    }

    private void checkConverged(String doc, List<Editor> editors) {
        for (Editor editor : editors) {
            editor.await(editor::isSynchronized, "its edits confirmed");
        }
        DocumentState server = service.get(doc).toCompletableFuture().join().orElseThrow();
        List<StoredOperation> log = service.operations(doc, 0, server.rev(), Integer.MAX_VALUE).toCompletableFuture().join();
        assertThat(log).extracting(StoredOperation::rev)
                .containsExactlyElementsOf(LongStream.range(0, server.rev()).boxed().toList());
        Set<String> seen = new HashSet<>();
        for (StoredOperation op : log) {
            assertThat(seen.add(op.src() + "/" + op.seq())).as("applied once: " + op.src() + " " + op.seq()).isTrue();
        }
        for (Editor editor : editors) {
            editor.awaitSynchronizedAt(server.rev());
            assertThat(editor.text()).as(editor.src + " text").isEqualTo(server.text());
            synchronized (editor) {
                assertThat(editor.rejections).isEmpty();
            }
            assertThat(editor.confirmed()).as(editor.src + " confirmations").isEqualTo(editor.made());
            List<Long> seqs = log.stream().filter(op -> op.src().equals(editor.src)).map(StoredOperation::seq).toList();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, editor.made()).boxed().toList());
        }
    }
}
