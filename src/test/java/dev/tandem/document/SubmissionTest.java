package dev.tandem.document;

import dev.tandem.store.InMemoryDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionTest extends ServiceFixture {

    @Test
    void firstJoinIsWelcomedWithTheTextAtTheHead() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "hello"));
        ana.awaitSynchronizedAt(1);

        Editor bo = join("notes", "bo-00001");

        Welcome welcome = bo.welcomes.get(0);
        assertThat(welcome.doc()).isEqualTo("notes");
        assertThat(welcome.rev()).isEqualTo(1);
        assertThat(welcome.head()).isEqualTo(1);
        assertThat(welcome.text()).isEqualTo("hello");
        assertThat(welcome.mode()).isEqualTo(Mode.EDIT);
        assertThat(welcome.users()).extracting(User::client).containsExactly(ana.welcomes.get(0).client());
    }

    @Test
    void submittedOperationIsAckedAndSentToTheOthers() {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");

        ana.edit(insert(0, 0, "hi"));
        bo.awaitRev(1);

        synchronized (ana) {
            assertThat(ana.acks).hasSize(1);
            assertThat(ana.acks.get(0)).containsExactly(1, 0);
        }
        synchronized (bo) {
            StoredOperation op = bo.applied.get(0);
            assertThat(op.rev()).isEqualTo(0);
            assertThat(op.operation()).isEqualTo(insert(0, 0, "hi"));
            assertThat(op.src()).isEqualTo("ana-0001");
            assertThat(op.seq()).isEqualTo(1);
            assertThat(op.client()).isEqualTo(ana.welcomes.get(0).client());
        }
        assertThat(bo.text()).isEqualTo("hi");
        assertThat(textOf("notes")).isEqualTo("hi");
    }

    @Test
    void concurrentOperationIsTransformedAgainstWhatItsAuthorHadNotSeen() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "abc"));
        ana.awaitSynchronizedAt(1);
        Editor bo = join("notes", "bo-00001");

        // both made at revision 1; bo's arrives second and is moved past ana's insert
        ana.submitRaw(1, 2, insert(3, 0, "X"));
        ana.awaitRev(2);
        bo.submitRaw(1, 1, insert(3, 3, "Y"));
        bo.awaitRev(3);

        assertThat(textOf("notes")).isEqualTo("XabcY");
        synchronized (ana) {
            assertThat(ana.applied.get(0).operation()).isEqualTo(insert(4, 4, "Y"));
        }
    }

    @Test
    void tiedInsertsPutTheLaterArrivalFirstAsOtJsDoes() {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        ana.submitRaw(0, 1, insert(0, 0, "a"));
        ana.awaitRev(1);
        bo.submitRaw(0, 1, insert(0, 0, "b"));
        bo.awaitRev(2);
        // the server transforms the incoming operation as a, whose insert goes first on a tie
        assertThat(textOf("notes")).isEqualTo("ba");
    }

    @Test
    void ackComesAfterAllLowerRevisionsAndBeforeHigherOnes() {
        start();
        store.hold();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        ana.submitRaw(0, 1, insert(0, 0, "a"));
        bo.submitRaw(0, 1, insert(0, 0, "b"));
        ana.submitRaw(0, 2, insert(0, 0, "c")); // refused: ana's first awaits its ack
        ana.awaitRejections(1);
        store.release();
        ana.awaitRev(2);
        bo.awaitRev(2);
        Editor cy = join("notes", "cy-00001");
        cy.submitRaw(2, 1, insert(2, 0, "d"));
        ana.awaitRev(3);
        bo.awaitRev(3);

        synchronized (ana) {
            assertThat(ana.revisions).containsExactly(0L, 1L, 2L);
            assertThat(ana.acks).hasSize(1);
            assertThat(ana.acks.get(0)[1]).isEqualTo(0);
        }
        synchronized (bo) {
            assertThat(bo.revisions).containsExactly(0L, 1L, 2L);
            assertThat(bo.acks.get(0)[1]).isEqualTo(1);
            assertThat(bo.applied).extracting(StoredOperation::rev).containsExactly(0L, 2L);
        }
    }

    @Test
    void resentOperationIsAckedAtItsOriginalRevisionAndNotAppliedAgain() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 5, insert(0, 0, "once"));
        ana.awaitRev(1);
        Editor bo = join("notes", "bo-00001");
        bo.submitRaw(1, 1, insert(4, 4, "!"));
        ana.awaitRev(2);

        ana.submitRaw(2, 5, insert(4, 0, "once")); // the same src and seq again

        ana.await(() -> ana.acks.size() == 2, "the ack of the resend");
        synchronized (ana) {
            assertThat(ana.acks.get(1)).containsExactly(5, 0);
        }
        assertThat(textOf("notes")).isEqualTo("once!");
        assertThat(service.get("notes").toCompletableFuture().join().orElseThrow().rev()).isEqualTo(2);
    }

    @Test
    void resendFromASecondConnectionBeforeTheFirstIsDurableIsAckedInRevisionOrder() throws Exception {
        start();
        Editor ana = join("notes", "ana-0001");
        store.hold();
        ana.submitRaw(0, 1, insert(0, 0, "x"));
        store.awaitHeldAppend();
        // the same editor instance, reconnected, resends while the first copy is being written
        Editor again = track(Editor.resume(service, "notes", "ana-0001", 0, ""));
        again.awaitWelcome();
        again.submitRaw(0, 1, insert(0, 0, "x"));
        store.release();
        again.await(() -> again.acks.size() == 1, "the ack of the resend");

        synchronized (again) {
            assertThat(again.acks.get(0)).containsExactly(1, 0);
            assertThat(again.applied).isEmpty();
        }
        assertThat(textOf("notes")).isEqualTo("x");
    }

    @Test
    void resentOperationIsRecognisedAfterARestart() {
        InMemoryDocumentStore durable = new InMemoryDocumentStore();
        store = new GatedStore(durable);
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 3, insert(0, 0, "kept"));
        ana.awaitRev(1);
        service.close();

        start();
        Editor back = track(Editor.resume(service, "notes", "ana-0001", 1, "kept"));
        back.awaitWelcome();
        back.submitRaw(1, 3, insert(4, 0, "kept"));
        back.await(() -> back.acks.size() == 1, "the ack of the resend");

        synchronized (back) {
            assertThat(back.acks.get(0)).containsExactly(3, 0);
        }
        assertThat(textOf("notes")).isEqualTo("kept");
    }

    @Test
    void lateResendIsAckedAtItsOriginalRevisionWhileTheNextOperationAwaitsItsAck() throws Exception {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 30, insert(0, 0, "a"));
        ana.awaitRev(1);
        store.hold();
        ana.submitRaw(1, 31, insert(1, 1, "b"));
        store.awaitHeldAppend();

        // a copy of 30 that a lingering connection delivers late: recognised as a resend before
        // the one-outstanding rule, so it gets its ack rather than not-in-order
        ana.submitRaw(0, 30, insert(0, 0, "a"));
        ana.await(() -> ana.acks.size() == 2, "the ack of the late resend");
        store.release();
        ana.await(() -> ana.acks.size() == 3, "the ack of the operation that was waiting");

        synchronized (ana) {
            assertThat(ana.rejections).isEmpty();
            assertThat(ana.acks.get(1)).containsExactly(30, 0);
            assertThat(ana.acks.get(2)).containsExactly(31, 1);
        }
        assertThat(textOf("notes")).isEqualTo("ab");
    }

    @Test
    void unknownSeqWhileAnotherOperationAwaitsItsAckIsNotInOrderAndKeepsItOutstanding() throws Exception {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 30, insert(0, 0, "a"));
        ana.awaitRev(1);
        store.hold();
        ana.submitRaw(1, 31, insert(1, 1, "b"));
        store.awaitHeldAppend();
        ana.submitRaw(0, 29, insert(0, 0, "z")); // below the last applied seq, but never applied
        ana.awaitRejections(1);
        store.release();
        ana.await(() -> ana.acks.size() == 2, "the ack of the operation that was waiting");

        synchronized (ana) {
            assertThat(ana.rejections.get(0).code()).isEqualTo(Rejection.Code.NOT_IN_ORDER);
            assertThat(ana.rejections.get(0).seq()).isEqualTo(29);
            assertThat(ana.acks.get(1)).containsExactly(31, 1);
        }
        assertThat(textOf("notes")).isEqualTo("ab");
    }

    @Test
    void seqNotAboveTheLastAppliedIsNotInOrder() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 7, insert(0, 0, "a"));
        ana.awaitRev(1);

        ana.submitRaw(1, 6, insert(1, 0, "b"));
        ana.awaitRejections(1);

        assertThat(ana.rejections.get(0).code()).isEqualTo(Rejection.Code.NOT_IN_ORDER);
        assertThat(ana.rejections.get(0).seq()).isEqualTo(6);
        assertThat(ana.rejections.get(0).message()).contains("7");
        assertThat(textOf("notes")).isEqualTo("a");
    }

    @Test
    void secondOutstandingOperationIsNotInOrder() {
        start();
        store.hold();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 1, insert(0, 0, "a"));
        ana.submitRaw(0, 2, insert(0, 0, "b"));
        ana.awaitRejections(1);
        store.release();
        ana.awaitRev(1);

        Rejection rejection = ana.rejections.get(0);
        assertThat(rejection.code()).isEqualTo(Rejection.Code.NOT_IN_ORDER);
        assertThat(rejection.seq()).isEqualTo(2);
        assertThat(textOf("notes")).isEqualTo("a");
    }

    @Test
    void viewConnectionIsForbiddenToEdit() {
        start();
        Editor viewer = track(Editor.join(service, "notes", "view-0001", Mode.VIEW));
        viewer.awaitWelcome();
        assertThat(viewer.welcomes.get(0).mode()).isEqualTo(Mode.VIEW);

        viewer.submitRaw(0, 1, insert(0, 0, "no"));
        viewer.awaitRejections(1);

        assertThat(viewer.rejections.get(0).code()).isEqualTo(Rejection.Code.FORBIDDEN);
        assertThat(textOf("notes")).isEmpty();
    }

    @Test
    void revisionAboveTheHeadOrNegativeIsUnknown() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(1, 1, insert(0, 0, "a"));
        ana.submitRaw(-1, 2, insert(0, 0, "a"));
        ana.awaitRejections(2);

        assertThat(ana.rejections).extracting(Rejection::code)
                .containsExactly(Rejection.Code.UNKNOWN_REV, Rejection.Code.UNKNOWN_REV);
        assertThat(ana.rejections).extracting(Rejection::seq).containsExactly(1L, 2L);
    }

    @Test
    void operationNotFittingTheDocumentAtItsRevisionIsInvalid() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 1, insert(0, 0, "abc"));
        ana.awaitRev(1);

        ana.submitRaw(0, 2, TextOperation.builder().retain(2).insert("x").build());
        ana.awaitRejections(1);
        ana.submitRaw(1, 3, TextOperation.builder().retain(4).build());
        ana.awaitRejections(2);

        assertThat(ana.rejections).extracting(Rejection::code)
                .containsExactly(Rejection.Code.INVALID_OP, Rejection.Code.INVALID_OP);
        assertThat(ana.rejections.get(0).message()).isEqualTo("retain past end of document (length 0 at revision 0, op spans 2)");
        assertThat(ana.rejections.get(1).message()).contains("length 3", "op spans 4");
        assertThat(textOf("notes")).isEqualTo("abc");
    }

    @Test
    void operationThatWouldMakeTheDocumentTooLargeIsRefusedAndDeletingMakesRoom() {
        start(SMALL.withMaxDocumentBytes(10));
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 1, insert(0, 0, "é\uD83D\uDE00ab")); // 2 + 4 + 2 = 8 bytes in 4 units
        ana.awaitRev(1);

        ana.submitRaw(1, 2, insert(5, 5, "xyz")); // 11 bytes
        ana.awaitRejections(1);
        ana.submitRaw(1, 3, TextOperation.builder().delete(3).retain(2).insert("xyz").build()); // 5 bytes
        ana.awaitRev(2);

        Rejection rejection = ana.rejections.get(0);
        assertThat(rejection.code()).isEqualTo(Rejection.Code.DOCUMENT_TOO_LARGE);
        assertThat(rejection.code().wireName()).isEqualTo("too-large");
        assertThat(rejection.seq()).isEqualTo(2);
        assertThat(rejection.message()).contains("limit of 10 bytes", "has 8");
        assertThat(textOf("notes")).isEqualTo("abxyz");
    }

    @Test
    void operationCuttingASurrogatePairIsInvalid() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 1, insert(0, 0, "a\uD83D\uDE00b"));
        ana.awaitRev(1);

        ana.submitRaw(1, 2, insert(4, 2, "x"));
        ana.awaitRejections(1);

        assertThat(ana.rejections.get(0).code()).isEqualTo(Rejection.Code.INVALID_OP);
        assertThat(ana.rejections.get(0).message()).contains("surrogate pair at position 2");
        assertThat(textOf("notes")).isEqualTo("a\uD83D\uDE00b");
    }

    @Test
    void rejectedOperationLeavesTheConnectionFreeToSendTheNext() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.submitRaw(0, 1, TextOperation.builder().retain(9).build());
        ana.awaitRejections(1);
        ana.submitRaw(0, 2, insert(0, 0, "ok"));
        ana.awaitRev(1);
        assertThat(textOf("notes")).isEqualTo("ok");
        assertThat(ana.acks.get(0)).containsExactly(2, 0);
    }

    @Test
    void callsMadeBeforeTheWelcomeAreHandledAfterIt() {
        start();
        store.hold(); // nothing to write yet; the join itself does not wait
        Editor ana = track(Editor.join(service, "notes", "ana-0001"));
        ana.submitRaw(0, 1, insert(0, 0, "early"));
        store.release();
        ana.awaitRev(1);
        assertThat(ana.welcomes).hasSize(1);
        assertThat(textOf("notes")).isEqualTo("early");
        assertThat(List.of(ana.acks.get(0)[0], ana.acks.get(0)[1])).containsExactly(1L, 0L);
    }
}
