package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.DocumentSummary;
import dev.tandem.store.StoredOperation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest extends ServiceFixture {

    private Editor typed(String doc, String text) {
        Editor ana = join(doc, "ana-0001");
        for (int i = 0; i < text.length(); i++) {
            ana.edit(insert(i, i, text.substring(i, i + 1)));
            ana.awaitSynchronizedAt(i + 1);
        }
        return ana;
    }

    private TextAtRevision textAt(String doc, long rev) {
        return service.textAt(doc, rev).toCompletableFuture().join();
    }

    @Test
    void snapshotsAreStoredEveryConfiguredNumberOfOperations() throws Exception {
        start(SMALL.withSnapshotEvery(3));
        typed("notes", "abcdefg");
        store.awaitSnapshot(3);
        store.awaitSnapshot(6);
        assertThat(store.snapshotAtOrBefore("notes", 7).orElseThrow().text()).isEqualTo("abcdef");
        assertThat(store.snapshotAtOrBefore("notes", 5).orElseThrow().text()).isEqualTo("abc");
    }

    @Test
    void textAtAnyRevisionComesFromTheNearestSnapshotAndTheLog() throws Exception {
        start(SMALL.withSnapshotEvery(3));
        typed("notes", "abcdefg");
        store.awaitSnapshot(6);

        for (int rev = 0; rev <= 7; rev++) {
            assertThat(textAt("notes", rev)).isEqualTo(new TextAtRevision.Found(rev, "abcdefg".substring(0, rev)));
        }
        assertThat(textAt("notes", 8)).isEqualTo(new TextAtRevision.UnknownRevision(7));
        assertThat(textAt("notes", -1)).isEqualTo(new TextAtRevision.UnknownRevision(7));
        assertThat(textAt("nothing", 0)).isEqualTo(new TextAtRevision.NoSuchDocument());
    }

    @Test
    void loadingAfterARestartStartsFromTheSnapshotAndReplaysTheRest() throws Exception {
        start(SMALL.withSnapshotEvery(4));
        typed("notes", "abcdef");
        store.awaitSnapshot(4);
        service.close();

        start(SMALL.withSnapshotEvery(4));
        Editor bo = join("notes", "bo-00001");
        assertThat(bo.welcomes.get(0).text()).isEqualTo("abcdef");
        assertThat(bo.welcomes.get(0).head()).isEqualTo(6);
    }

    @Test
    void operationsListsTheLogWithAuthorsWithinTheLimit() {
        start();
        typed("notes", "abcde");

        List<StoredOperation> ops = service.operations("notes", 1, 4, 10).toCompletableFuture().join();
        assertThat(ops).extracting(StoredOperation::rev).containsExactly(1L, 2L, 3L);
        assertThat(ops).extracting(StoredOperation::src).containsOnly("ana-0001");
        assertThat(ops).extracting(StoredOperation::client).containsOnly("c1");
        assertThat(service.operations("notes", 0, Long.MAX_VALUE, 2).toCompletableFuture().join()).hasSize(2);
        assertThat(service.operations("notes", 4, Long.MAX_VALUE, 100).toCompletableFuture().join()).hasSize(1);
    }

    @Test
    void getShowsTheDurableHeadWhetherLoadedOrNot() {
        start();
        Editor ana = typed("notes", "abc");
        assertThat(service.get("notes").toCompletableFuture().join()).contains(new DocumentState("notes", 3, "abc"));
        ana.leave();
        service.close();
        start();
        assertThat(service.get("notes").toCompletableFuture().join()).contains(new DocumentState("notes", 3, "abc"));
        assertThat(service.loadedDocuments()).isZero();
        assertThat(service.get("nothing").toCompletableFuture().join()).isEmpty();
    }

    @Test
    void createMakesAnEmptyDocumentOnceAndListShowsIt() {
        start();
        assertThat(service.create("fresh").toCompletableFuture().join()).isTrue();
        assertThat(service.create("fresh").toCompletableFuture().join()).isFalse();
        typed("notes", "ab");

        assertThat(service.list(10).toCompletableFuture().join()).extracting(DocumentSummary::id).contains("fresh", "notes");
        assertThat(service.get("fresh").toCompletableFuture().join()).contains(new DocumentState("fresh", 0, ""));
        assertThat(service.isHealthy()).isTrue();
    }

    @Test
    void documentWithoutParticipantsForTheIdleTimeIsUnloaded() {
        MutableClock clock = new MutableClock();
        service = new SharedDocumentService(store, SMALL.withIdleUnload(Duration.ofMinutes(5)), clock);
        Editor ana = typed("notes", "abc");
        Editor bo = join("other", "bo-00001");

        ana.leave();
        service.get("notes").toCompletableFuture().join(); // runs on the lane after the leave
        clock.advance(Duration.ofMinutes(4));
        assertThat(service.unloadIdle().join()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.unloadIdle().join()).isEqualTo(1);
        assertThat(service.loadedDocuments()).isEqualTo(1); // "other" still has bo

        // loading it again gives the same document
        Editor cy = join("notes", "cy-00001");
        assertThat(cy.welcomes.get(0).text()).isEqualTo("abc");
        assertThat(bo.welcomes).hasSize(1);
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
