package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.StoredOperation;
import org.junit.jupiter.api.Test;

class CatchUpTest extends ServiceFixture {

    /** Ana types {@code n} characters, one revision each; returns her editor. */
    private Editor typed(String doc, int n) {
        Editor ana = join(doc, "ana-0001");
        for (int i = 0; i < n; i++) {
            ana.edit(insert(i, i, String.valueOf((char) ('a' + i % 26))));
            ana.awaitSynchronizedAt(i + 1);
        }
        return ana;
    }

    @Test
    void resumeSendsEveryMissedRevisionThenLiveOnes() {
        start();
        Editor ana = typed("notes", 5);

        Editor bo = track(Editor.resume(service, "notes", "bo-00001", 2, "ab"));
        bo.awaitRev(5);
        ana.edit(insert(5, 5, "f"));
        bo.awaitRev(6);

        Welcome welcome = bo.welcomes.get(0);
        assertThat(welcome.text()).isNull();
        assertThat(welcome.rev()).isEqualTo(2);
        assertThat(welcome.head()).isEqualTo(5);
        synchronized (bo) {
            assertThat(bo.applied).extracting(StoredOperation::rev).containsExactly(2L, 3L, 4L, 5L);
        }
        assertThat(bo.text()).isEqualTo("abcdef");
    }

    @Test
    void resumeIncludesTheClientsOwnOperationsAsOperations() {
        start();
        Editor ana = typed("notes", 3);
        ana.leave();

        Editor back = track(Editor.resume(service, "notes", "ana-0001", 1, "a"));
        back.awaitRev(3);

        synchronized (back) {
            assertThat(back.applied).extracting(StoredOperation::src).containsOnly("ana-0001");
            assertThat(back.acks).isEmpty();
        }
        assertThat(back.text()).isEqualTo("abc");
    }

    @Test
    void resumeOlderThanMemoryReadsTheStore() {
        start(SMALL.withRecentOperations(3));
        typed("notes", 12);

        Editor bo = track(Editor.resume(service, "notes", "bo-00001", 1, "a"));
        bo.awaitRev(12);

        synchronized (bo) {
            assertThat(bo.revisions).hasSize(11);
        }
        assertThat(bo.text()).isEqualTo("abcdefghijkl");
    }

    @Test
    void operationMadeAtARevisionOlderThanMemoryIsTransformedThroughTheStoredLog() {
        start(SMALL.withRecentOperations(2));
        typed("notes", 8);

        Editor bo = track(Editor.resume(service, "notes", "bo-00001", 1, "a"));
        bo.awaitWelcome();
        bo.submitRaw(1, 1, insert(1, 1, "!"));
        bo.awaitRev(9);

        assertThat(textOf("notes")).isEqualTo("a!bcdefgh");
    }

    @Test
    void largeOperationsLeaveMemoryByTheirSizeOnceDurable() {
        // a keystroke weighs ~250 bytes in memory, a 10,000-character paste ~20 KB: a 30 KB bound
        // keeps the last paste and the keystrokes after it, not the 2,000 operations of the count
        start(SMALL.withRecentBytes(30_000));
        Editor ana = join("notes", "ana-0001");
        String paste = "p".repeat(10_000);
        for (int i = 0; i < 4; i++) {
            ana.edit(insert(i * paste.length(), i * paste.length(), paste));
            ana.awaitSynchronizedAt(i + 1);
        }
        ana.edit(insert(4 * paste.length(), 0, "!"));
        ana.awaitSynchronizedAt(5);

        Editor bo = track(Editor.resume(service, "notes", "bo-00001", 1, paste));
        bo.awaitRev(5);

        assertThat(bo.text()).isEqualTo("!" + paste.repeat(4));
        // revisions 1 and 2 (40 KB) had left memory: the catch-up read them from the store
        assertThat(store.reads).anySatisfy(range -> assertThat(range[0]).isEqualTo(1));
    }

    @Test
    void resumeAtTheHeadGetsNoCatchUp() {
        start();
        typed("notes", 2);
        Editor bo = track(Editor.resume(service, "notes", "bo-00001", 2, "ab"));
        bo.awaitWelcome();
        assertThat(bo.welcomes.get(0).head()).isEqualTo(2);
        synchronized (bo) {
            assertThat(bo.revisions).isEmpty();
        }
    }

    @Test
    void resumeAboveTheHeadIsRejectedAndNotJoined() {
        start();
        Editor ana = typed("notes", 2);

        Editor ahead = track(Editor.resume(service, "notes", "bo-00001", 3, "abc"));
        ahead.awaitRejections(1);
        Editor negative = track(Editor.resume(service, "notes", "cy-00001", -1, ""));
        negative.awaitRejections(1);
        ana.edit(insert(2, 2, "c"));
        ana.awaitSynchronizedAt(3);
        Editor cy = join("notes", "cy-00002");

        assertThat(ahead.rejections.get(0).code()).isEqualTo(Rejection.Code.UNKNOWN_REV);
        assertThat(ahead.rejections.get(0).seq()).isNull();
        assertThat(negative.rejections.get(0).code()).isEqualTo(Rejection.Code.UNKNOWN_REV);
        synchronized (ahead) {
            assertThat(ahead.welcomes).isEmpty();
            assertThat(ahead.revisions).isEmpty();
        }
        // neither was ever a user of the document
        assertThat(cy.welcomes.get(0).users()).hasSize(1);
        ana.await(() -> !ana.presence.isEmpty(), "cy's join");
        synchronized (ana) {
            assertThat(ana.presence).singleElement().asString().startsWith("join " + cy.welcomes.get(0).client() + " cy-00002");
        }
    }

    @Test
    void reconnectingEditorWithAnUnacknowledgedOperationHasItAppliedOnce() throws Exception {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        store.hold();
        ana.edit(insert(0, 0, "x"));
        store.awaitHeldAppend();
        ana.reconnect(); // the ack is lost with the old connection
        store.release();

        ana.awaitSynchronizedAt(1);
        bo.awaitRev(1);
        assertThat(textOf("notes")).isEqualTo("x");
        assertThat(ana.text()).isEqualTo("x");
    }
}
