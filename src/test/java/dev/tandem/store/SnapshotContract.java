package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code saveSnapshot}, {@code snapshotAtOrBefore}. */
interface SnapshotContract extends StoreContract {

    @Test
    default void snapshotAtOrBeforeIsTheNewestNotAfterTheRevision() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a", "b", "c", "d", "e", "f"), 6);
        store().saveSnapshot("notes", new Snapshot(5, "abcde"));
        store().saveSnapshot("notes", new Snapshot(2, "ab"));

        assertThat(store().snapshotAtOrBefore("notes", 0)).contains(new Snapshot(0, ""));
        assertThat(store().snapshotAtOrBefore("notes", 1)).as("before any stored one").contains(new Snapshot(0, ""));
        assertThat(store().snapshotAtOrBefore("notes", 2)).contains(new Snapshot(2, "ab"));
        assertThat(store().snapshotAtOrBefore("notes", 4)).contains(new Snapshot(2, "ab"));
        assertThat(store().snapshotAtOrBefore("notes", 5)).contains(new Snapshot(5, "abcde"));
        assertThat(store().snapshotAtOrBefore("notes", 1_000)).contains(new Snapshot(5, "abcde"));
        assertThat(store().snapshotAtOrBefore("notes", -1)).as("a negative revision").isEmpty();
    }

    @Test
    default void createdDocumentHasTheEmptySnapshotAtZero() {
        store().create("notes");

        assertThat(store().snapshotAtOrBefore("notes", 0)).contains(new Snapshot(0, ""));
        assertThat(store().snapshotAtOrBefore("notes", 7)).contains(new Snapshot(0, ""));
    }

    @Test
    default void savingAnExistingSnapshotChangesNothing() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a", "b"), 2);
        store().saveSnapshot("notes", new Snapshot(2, "ab"));

        store().saveSnapshot("notes", new Snapshot(2, "something else"));

        assertThat(store().snapshotAtOrBefore("notes", 2)).contains(new Snapshot(2, "ab"));
    }

    @Test
    default void snapshotAtTheHeadIsAllowed() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a"), 1);

        store().saveSnapshot("notes", new Snapshot(1, "a"));

        assertThat(store().load("notes").orElseThrow().snapshot()).isEqualTo(new Snapshot(1, "a"));
        assertThat(store().load("notes").orElseThrow().tail()).isEmpty();
    }

    @Test
    default void snapshotBeyondTheHeadOrOfAMissingDocumentIsRejected() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a"), 1);

        assertThatThrownBy(() -> store().saveSnapshot("notes", new Snapshot(2, "ab")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rev 2").hasMessageContaining("head 1");
        assertThatThrownBy(() -> store().saveSnapshot("missing", new Snapshot(0, "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThat(store().snapshotAtOrBefore("notes", 5)).contains(new Snapshot(0, ""));
    }
}
