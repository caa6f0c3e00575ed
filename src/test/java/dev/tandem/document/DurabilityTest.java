package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.AppendResult;
import dev.tandem.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurabilityTest extends ServiceFixture {

    @Test
    void nothingIsSentAboutARevisionBeforeItIsDurable() throws Exception {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        store.hold();
        ana.edit(insert(0, 0, "a"));
        store.awaitHeldAppend();

        Editor cy = join("notes", "cy-00001"); // joins while revision 0 is being written
        synchronized (ana) {
            assertThat(ana.acks).isEmpty();
        }
        synchronized (bo) {
            assertThat(bo.revisions).isEmpty();
        }
        assertThat(cy.welcomes.get(0).head()).isZero();
        assertThat(cy.welcomes.get(0).text()).isEmpty();
        assertThat(textOf("notes")).isEmpty();

        store.release();
        ana.awaitSynchronizedAt(1);
        bo.awaitRev(1);
        cy.awaitRev(1);
        assertThat(cy.text()).isEqualTo("a");
    }

    @Test
    void operationsDecidedDuringACommitAreWrittenTogether() throws Exception {
        start();
        List<Editor> writers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writers.add(join("notes", "writer-" + i + "0"));
        }
        store.hold();
        writers.get(0).edit(insert(0, 0, "0"));
        store.awaitHeldAppend();
        for (int i = 1; i < writers.size(); i++) {
            writers.get(i).submitRaw(0, 1, insert(0, 0, String.valueOf(i)));
        }
        // every submission is decided (and waits in the next batch) before the first batch commits
        Editor probe = writers.get(0);
        service.get("notes").toCompletableFuture().join();
        store.release();
        for (Editor writer : writers) {
            writer.awaitRev(6);
        }

        assertThat(store.batchSizes).hasSizeLessThanOrEqualTo(writers.size());
        assertThat(store.batchSizes.get(0)).isEqualTo(1);
        assertThat(store.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(probe.rev()).isEqualTo(6);
    }

    @Test
    void noBatchIsLargerThanTheConfiguredMaximum() throws Exception {
        start(SMALL.withMaxBatch(2));
        List<Editor> writers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writers.add(join("notes", "writer-" + i + "0"));
        }
        store.hold();
        writers.get(0).submitRaw(0, 1, insert(0, 0, "0"));
        store.awaitHeldAppend();
        for (int i = 1; i < writers.size(); i++) {
            writers.get(i).submitRaw(0, 1, insert(0, 0, String.valueOf(i)));
        }
        service.get("notes").toCompletableFuture().join();
        store.release();
        for (Editor writer : writers) {
            writer.awaitRev(5);
        }
        assertThat(store.batchSizes).containsExactly(1, 2, 2);
    }

    @Test
    void failedAppendEndsEveryParticipationAndUnloadsTheDocument() {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        ana.edit(insert(0, 0, "kept"));
        ana.awaitSynchronizedAt(1);
        bo.awaitRev(1);

        store.failNextAppend(new StoreException("disk full"));
        ana.edit(insert(4, 4, "lost"));
        ana.awaitEnded();
        bo.awaitEnded();

        assertThat(ana.ended).isEqualTo(Participant.End.FAILURE);
        assertThat(bo.ended).isEqualTo(Participant.End.FAILURE);
        synchronized (bo) {
            assertThat(bo.revisions).containsExactly(0L);
        }
        assertThat(service.loadedDocuments()).isZero();
        // the client resumes and resends what was never acknowledged: applied exactly once
        Editor again = track(Editor.resume(service, "notes", "ana-0001", 1, "kept"));
        again.awaitWelcome();
        again.submitRaw(1, 2, insert(4, 4, "lost"));
        again.awaitRev(2);
        assertThat(textOf("notes")).isEqualTo("keptlost");
    }

    @Test
    void documentThatCannotBeLoadedEndsItsJoinsWithFailureAndIsRetriedByTheNext() {
        start();
        store.failLoads = true;
        Editor ana = track(Editor.join(service, "notes", "ana-0001"));
        ana.awaitEnded();
        assertThat(ana.ended).isEqualTo(Participant.End.FAILURE);
        assertThat(service.loadedDocuments()).isZero();

        store.failLoads = false;
        Editor again = join("notes", "ana-0001");
        assertThat(again.welcomes.get(0).head()).isZero();
    }

    @Test
    void unexpectedConflictIsAFailureToo() {
        start();
        Editor ana = join("notes", "ana-0001");
        store.answerNextAppend(new AppendResult.Conflict(3));
        ana.edit(insert(0, 0, "x"));
        ana.awaitEnded();
        assertThat(ana.ended).isEqualTo(Participant.End.FAILURE);
        assertThat(service.loadedDocuments()).isZero();
    }

    @Test
    void closeCommitsAndAcknowledgesInFlightOperationsThenEndsEveryone() throws Exception {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        store.hold();
        ana.edit(insert(0, 0, "a"));
        store.awaitHeldAppend();
        bo.submitRaw(0, 1, insert(0, 0, "b"));
        service.get("notes").toCompletableFuture().join(); // bo's operation is decided

        Thread closing = new Thread(service::close);
        closing.start();
        store.release();
        closing.join();
        ana.submitRaw(2, 2, insert(2, 0, "late")); // after the close: dropped, and no exception for the transport
        ana.leave();

        assertThat(ana.ended).isEqualTo(Participant.End.SHUTDOWN);
        assertThat(bo.ended).isEqualTo(Participant.End.SHUTDOWN);
        synchronized (ana) {
            assertThat(ana.revisions).containsExactly(0L, 1L);
        }
        synchronized (bo) {
            assertThat(bo.revisions).containsExactly(0L, 1L);
            assertThat(bo.acks.get(0)).containsExactly(1, 1);
        }
        service = null;
        SharedDocumentService reopened = start();
        assertThat(reopened.get("notes").toCompletableFuture().join().orElseThrow().rev()).isEqualTo(2);
    }

    @Test
    void joinAfterCloseIsEndedAtOnce() {
        start();
        service.close();
        Editor late = track(Editor.join(service, "notes", "late-001"));
        late.awaitEnded();
        assertThat(late.ended).isEqualTo(Participant.End.SHUTDOWN);
    }
}
