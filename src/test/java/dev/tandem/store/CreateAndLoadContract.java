package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code create}, {@code load}, {@code summary}, {@code isReachable}. */
interface CreateAndLoadContract extends StoreContract {

    @Test
    default void createdDocumentIsEmptyAtRevisionZero() {
        assertThat(store().create("notes")).as("create of a new id").isTrue();

        StoredDocument loaded = store().load("notes").orElseThrow();
        assertThat(loaded.snapshot()).isEqualTo(new Snapshot(0, ""));
        assertThat(loaded.tail()).isEmpty();
        assertThat(loaded.head()).isZero();
        DocumentSummary summary = store().summary("notes").orElseThrow();
        assertThat(summary.id()).isEqualTo("notes");
        assertThat(summary.rev()).isZero();
        assertThat(summary.length()).isZero();
        assertThat(summary.updated()).isNotNull();
    }

    @Test
    default void creatingAnExistingDocumentChangesNothing() {
        store().create("notes");
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("hello"), 5);

        assertThat(store().create("notes")).as("create of an existing id").isFalse();
        assertThat(store().summary("notes").orElseThrow().rev()).isEqualTo(1);
        assertThat(store().read("notes", 0, 10)).hasSize(1);
    }

    @Test
    default void unknownDocumentIsAbsentEverywhere() {
        assertThat(store().load("nothing")).isEmpty();
        assertThat(store().summary("nothing")).isEmpty();
        assertThat(store().read("nothing", 0, 10)).isEmpty();
        assertThat(store().find("nothing", "ana-0001", 1)).isEmpty();
        assertThat(store().lastSeq("nothing", "ana-0001")).isEqualTo(-1);
        assertThat(store().snapshotAtOrBefore("nothing", 0)).isEmpty();
        assertThat(store().list(10)).isEmpty();
    }

    @Test
    default void loadGivesTheNewestSnapshotAndEveryOperationAfterIt() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a", "b", "c"), 3);
        store().saveSnapshot("notes", new Snapshot(3, ana.text()));
        appendOrFail("notes", 3, ana.type("d", "e"), 5);
        store().saveSnapshot("notes", new Snapshot(1, "a"));

        StoredDocument loaded = store().load("notes").orElseThrow();

        assertThat(loaded.snapshot()).isEqualTo(new Snapshot(3, "abc"));
        assertThat(loaded.tail()).extracting(StoredOperation::rev).containsExactly(3L, 4L);
        assertThat(loaded.head()).isEqualTo(5);
        String replayed = loaded.snapshot().text();
        for (StoredOperation operation : loaded.tail()) {
            replayed = operation.operation().apply(replayed);
        }
        assertThat(replayed).isEqualTo(ana.text()).isEqualTo("abcde");
    }

    @Test
    default void loadWithoutSnapshotsReplaysTheWholeLog() {
        Typing ana = new Typing("ana-0001");
        List<StoredOperation> batch = ana.type("one ", "two ");
        batch = new java.util.ArrayList<>(batch);
        batch.add(ana.deleteFirst(4));
        appendOrFail("notes", 0, batch, ana.text().length());

        StoredDocument loaded = store().load("notes").orElseThrow();

        assertThat(loaded.snapshot()).isEqualTo(new Snapshot(0, ""));
        assertThat(loaded.tail()).isEqualTo(batch);
    }

    @Test
    default void storeIsReachableWhileOpen() {
        assertThat(store().isReachable()).isTrue();
    }
}
