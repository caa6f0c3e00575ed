package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTest extends ServiceFixture {

    @Test
    void joinersGetDistinctClientIdsAndTheLeastUsedColours() {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        bo.leave();
        Editor cy = join("notes", "cy-00001");

        assertThat(ana.welcomes.get(0).client()).isEqualTo("c1");
        assertThat(bo.welcomes.get(0).client()).isEqualTo("c2");
        assertThat(cy.welcomes.get(0).client()).isEqualTo("c3");
        // bo's colour is free again once bo left, and it is the least used
        User anaAsSeen = cy.welcomes.get(0).users().get(0);
        assertThat(anaAsSeen.color()).isEqualTo(Presence.PALETTE.get(0));
        ana.await(() -> ana.presence.size() == 3, "join, leave, join");
        assertThat(ana.presence.get(2)).endsWith(Presence.PALETTE.get(1));
    }

    @Test
    void joinAnnouncesTheNewUserAndLeaveItsDeparture() {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        bo.leave();
        ana.await(() -> ana.presence.size() == 2, "a join and a leave");

        assertThat(ana.presence).containsExactly("join c2 bo-00001 " + Presence.PALETTE.get(1), "leave c2");
        synchronized (bo) {
            assertThat(bo.presence).isEmpty();
        }
    }

    @Test
    void selectionIsClampedAndTransformedToTheHead() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "hello"));
        ana.awaitSynchronizedAt(1);
        Editor bo = join("notes", "bo-00001");
        bo.edit(insert(5, 0, ">>"));
        bo.awaitSynchronizedAt(2);
        ana.awaitRev(2);

        // made at revision 1, before bo's insert: the cursor at 3 moves to 5, the range end 99 is clamped to 5 then moved to 7
        ana.select(1, List.of(Range.cursor(3), new Range(1, 99)));
        bo.await(() -> bo.presence.size() == 1, "a selection");

        assertThat(bo.presence.get(0)).isEqualTo("select c1 2 " + List.of(Range.cursor(5), new Range(3, 7)));
    }

    @Test
    void welcomeListsUsersWithTheirRangesAtTheHead() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "abc"));
        ana.awaitSynchronizedAt(1);
        ana.select(1, List.of(Range.cursor(3)));
        Editor bo = join("notes", "bo-00001");
        bo.edit(insert(3, 0, "xy"));
        bo.awaitSynchronizedAt(2);

        Editor cy = join("notes", "cy-00001");

        User anaAsSeen = cy.welcomes.get(0).users().get(0);
        assertThat(anaAsSeen.rev()).isEqualTo(2);
        assertThat(anaAsSeen.ranges()).containsExactly(Range.cursor(5));
        assertThat(cy.welcomes.get(0).users()).extracting(User::client).containsExactly("c1", "c2");
    }

    @Test
    void selectionAboveTheHeadIsAnsweredUnknownRevAndShownToNobody() {
        start();
        Editor ana = join("notes", "ana-0001");
        Editor bo = join("notes", "bo-00001");
        ana.select(5, List.of(Range.cursor(0)));
        ana.select(-1, List.of(Range.cursor(0)));
        ana.select(0, List.of(Range.cursor(0)));
        // PROTOCOL.md's error table: a rev above the head, or negative, is unknown-rev, for a select too
        ana.awaitRejections(2);
        bo.await(() -> bo.presence.size() == 1, "a selection");
        assertThat(bo.presence).containsExactly("select c1 0 " + List.of(Range.cursor(0)));
        synchronized (ana) {
            assertThat(ana.rejections).extracting(Rejection::code)
                    .containsExactly(Rejection.Code.UNKNOWN_REV, Rejection.Code.UNKNOWN_REV);
            assertThat(ana.rejections).extracting(Rejection::seq).containsOnlyNulls();
            assertThat(ana.rejections.get(0).message()).contains("revision 5").contains("head 0");
        }
    }
}
