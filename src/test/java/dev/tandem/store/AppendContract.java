package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code append}: the head check, all or nothing, and what it records. */
interface AppendContract extends StoreContract {

    @Test
    default void appendAtTheHeadMovesTheHeadAndRecordsLengthAndTime() {
        store().create("notes");
        Typing ana = new Typing("ana-0001");
        List<StoredOperation> batch = ana.type("hello", " world");

        AppendResult result = store().append("notes", 0, batch, 11);

        assertThat(result).isEqualTo(new AppendResult.Appended(2));
        DocumentSummary summary = store().summary("notes").orElseThrow();
        assertThat(summary.rev()).isEqualTo(2);
        assertThat(summary.length()).isEqualTo(11);
        assertThat(summary.updated()).as("the time of the batch's last operation").isEqualTo(batch.get(1).time());
    }

    @Test
    default void appendAtStaleHeadIsAConflictAndWritesNothing() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a", "b", "c"), 3);
        DocumentSummary before = store().summary("notes").orElseThrow();

        AppendResult stale = store().append("notes", 1, List.of(Typing.insertAt(1, "bob-0001", 1)), 4);

        assertThat(stale).isEqualTo(new AppendResult.Conflict(3));
        assertThat(store().summary("notes")).contains(before);
        assertThat(store().read("notes", 0, 10)).extracting(StoredOperation::src).containsOnly("ana-0001");
        assertThat(store().lastSeq("notes", "bob-0001")).isEqualTo(-1);
    }

    @Test
    default void appendAheadOfTheHeadIsAConflict() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a"), 1);

        AppendResult ahead = store().append("notes", 5, List.of(Typing.insertAt(5, "bob-0001", 1)), 2);

        assertThat(ahead).isEqualTo(new AppendResult.Conflict(1));
        assertThat(store().read("notes", 0, 10)).hasSize(1);
    }

    @Test
    default void appendAtZeroCreatesTheDocument() {
        Typing ana = new Typing("ana-0001");

        assertThat(store().append("fresh", 0, ana.type("hi"), 2)).isEqualTo(new AppendResult.Appended(1));

        assertThat(store().summary("fresh")).map(DocumentSummary::rev).contains(1L);
        assertThat(store().load("fresh").orElseThrow().tail()).hasSize(1);
    }

    @Test
    default void appendAboveZeroToAMissingDocumentIsAConflictAtZeroAndCreatesNothing() {
        AppendResult result = store().append("missing", 3, List.of(Typing.insertAt(3, "ana-0001", 1)), 1);

        assertThat(result).isEqualTo(new AppendResult.Conflict(0));
        assertThat(store().summary("missing")).isEmpty();
    }

    @Test
    default void appendIsAllOrNothing() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a", "b"), 2);
        DocumentSummary before = store().summary("notes").orElseThrow();
        // the third operation repeats ana's seq 1: the caller's bug, and none of the batch may land
        List<StoredOperation> batch = List.of(
                Typing.insertAt(2, "bob-0001", 1),
                Typing.insertAt(3, "bob-0001", 2),
                new StoredOperation(4, Typing.insertAt(4, "x", 0).operation(), "ana-0001", 1, "c9", null, Typing.START));

        assertThatThrownBy(() -> store().append("notes", 2, batch, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ana-0001").hasMessageContaining("seq 1").hasMessageContaining("rev 0");

        assertThat(store().summary("notes")).contains(before);
        assertThat(store().read("notes", 0, 10)).hasSize(2);
        assertThat(store().lastSeq("notes", "bob-0001")).isEqualTo(-1);
        assertThat(store().append("notes", 2, batch.subList(0, 2), 4)).isEqualTo(new AppendResult.Appended(4));
    }

    @Test
    default void failedFirstAppendLeavesNoDocumentBehind() {
        List<StoredOperation> twins = List.of(Typing.insertAt(0, "ana-0001", 1), Typing.insertAt(1, "ana-0001", 1));

        assertThatThrownBy(() -> store().append("fresh", 0, twins, 2)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store().summary("fresh")).isEmpty();
        assertThat(store().list(10)).isEmpty();
    }

    @Test
    default void batchWhoseRevisionsDoNotStartAtTheHeadOrHaveGapsIsRejected() {
        store().create("notes");

        assertThatThrownBy(() -> store().append("notes", 0, List.of(Typing.insertAt(1, "ana-0001", 1)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rev 1, expected 0");
        assertThatThrownBy(() -> store().append("notes", 0,
                List.of(Typing.insertAt(0, "ana-0001", 1), Typing.insertAt(2, "ana-0001", 2)), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rev 2, expected 1");
        assertThatThrownBy(() -> store().append("notes", 0, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty batch");
        assertThat(store().summary("notes").orElseThrow().rev()).isZero();
    }

    @Test
    default void operationsComeBackExactlyAsAppended() {
        List<StoredOperation> batch = new ArrayList<>(new Typing("ana-0001").type("first"));
        batch.add(new StoredOperation(1, Typing.insertAt(1, "x", 0).operation(), "bob-0001", 42, "c7", null,
                Instant.parse("2026-11-25T12:34:56.789012Z")));

        appendOrFail("notes", 0, batch, 6);

        assertThat(store().read("notes", 0, 2)).isEqualTo(batch);
        assertThat(store().find("notes", "bob-0001", 42)).contains(batch.get(1));
    }

    @Test
    default void timesAreKeptToTheMicrosecond() {
        Instant precise = Instant.parse("2026-11-25T12:00:00.123456789Z");
        StoredOperation operation = new StoredOperation(0, Typing.insertAt(0, "x", 0).operation(), "ana-0001", 1, "c1", "Ana", precise);

        appendOrFail("notes", 0, List.of(operation), 1);

        Instant kept = Instant.parse("2026-11-25T12:00:00.123456Z");
        assertThat(store().read("notes", 0, 1).get(0).time()).isEqualTo(kept);
        assertThat(store().summary("notes").orElseThrow().updated()).isEqualTo(kept);
    }
}
