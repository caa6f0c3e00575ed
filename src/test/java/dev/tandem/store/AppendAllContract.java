package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code appendAll}: each document as {@code append} would have it, many documents at once. */
interface AppendAllContract extends StoreContract {

    @Test
    default void eachDocumentCommitsOrConflictsOnItsOwn() {
        Typing ana = new Typing("ana-0001");
        Typing bob = new Typing("bob-0001");
        appendOrFail("ahead", 0, ana.type("a", "b"), 2);
        appendOrFail("stale", 0, bob.type("x"), 1);
        DocumentSummary staleBefore = store().summary("stale").orElseThrow();
        List<StoredOperation> next = ana.type("c");
        List<StoredOperation> fresh = new Typing("cy-0001").type("hi", "!");

        List<AppendResult> results = store().appendAll(List.of(
                new Append("ahead", 2, next, 3),
                new Append("stale", 0, List.of(Typing.insertAt(0, "dee-0001", 1)), 1),
                new Append("fresh", 0, fresh, 3),
                new Append("missing", 4, List.of(Typing.insertAt(4, "dee-0001", 2)), 1)));

        assertThat(results).containsExactly(new AppendResult.Appended(3), new AppendResult.Conflict(1),
                new AppendResult.Appended(2), new AppendResult.Conflict(0));
        assertThat(store().read("ahead", 0, 10)).hasSize(3).last().isEqualTo(next.get(0));
        assertThat(store().summary("ahead").orElseThrow().length()).isEqualTo(3);
        assertThat(store().read("fresh", 0, 10)).isEqualTo(fresh);
        assertThat(store().summary("stale")).contains(staleBefore);
        assertThat(store().lastSeq("stale", "dee-0001")).isEqualTo(-1);
        assertThat(store().summary("missing")).isEmpty();
    }

    @Test
    default void aBatchThatRepeatsAnAppliedSeqWritesNothingForItsDocument() {
        Typing ana = new Typing("ana-0001");
        appendOrFail("notes", 0, ana.type("a", "b"), 2);
        DocumentSummary before = store().summary("notes").orElseThrow();
        List<StoredOperation> repeating = List.of(
                Typing.insertAt(2, "bob-0001", 1),
                new StoredOperation(3, Typing.insertAt(3, "x", 0).operation(), "ana-0001", 2, "c9", null, Typing.START));

        assertThatThrownBy(() -> store().appendAll(List.of(
                new Append("other", 0, new Typing("cy-0001").type("x"), 1),
                new Append("notes", 2, repeating, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ana-0001").hasMessageContaining("seq 2");

        assertThat(store().summary("notes")).contains(before);
        assertThat(store().read("notes", 0, 10)).hasSize(2);
        assertThat(store().lastSeq("notes", "bob-0001")).isEqualTo(-1);
    }

    @Test
    default void aBatchThatBreaksTheRulesFailsTheCallBeforeAnythingIsWritten() {
        store().create("notes");

        assertThatThrownBy(() -> store().appendAll(List.of(
                new Append("other", 0, new Typing("cy-0001").type("x"), 1),
                new Append("notes", 0, List.of(Typing.insertAt(1, "ana-0001", 1)), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rev 1, expected 0");
        assertThatThrownBy(() -> store().appendAll(List.of(
                new Append("notes", 0, List.of(Typing.insertAt(0, "ana-0001", 1)), 1),
                new Append("notes", 0, List.of(Typing.insertAt(0, "bob-0001", 1)), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'notes' comes twice");

        assertThat(store().summary("other")).isEmpty();
        assertThat(store().summary("notes").orElseThrow().rev()).isZero();
    }

    @Test
    default void manyDocumentsAtOnce() {
        List<Append> appends = new ArrayList<>();
        List<Typing> authors = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
            Typing author = new Typing("src-" + d);
            authors.add(author);
            if (d % 3 == 0) {
                appendOrFail("doc-" + d, 0, author.type("seed"), 4);
            }
            long head = author.rev();
            appends.add(new Append("doc-" + d, head, author.type("one", "two", "three"), author.text().length()));
        }

        List<AppendResult> results = store().appendAll(appends);

        for (int d = 0; d < 120; d++) {
            Typing author = authors.get(d);
            assertThat(results.get(d)).isEqualTo(new AppendResult.Appended(author.rev()));
            assertThat(store().read("doc-" + d, 0, 100)).hasSize((int) author.rev());
            assertThat(store().summary("doc-" + d).orElseThrow().length()).isEqualTo(author.text().length());
        }
        assertThat(store().list(500)).hasSize(120);
    }

    @Test
    default void nothingToAppendIsNothing() {
        assertThat(store().appendAll(List.of())).isEmpty();
    }

    @Test
    default void appendsAfterAnAppendAllFollowOn() {
        Typing ana = new Typing("ana-0001");
        Typing bob = new Typing("bob-0001");
        store().appendAll(List.of(new Append("a", 0, ana.type("x"), 1), new Append("b", 0, bob.type("y"), 1)));

        assertThat(store().appendAll(List.of(new Append("b", 1, bob.type("z"), 2), new Append("a", 1, ana.type("w"), 2))))
                .containsExactly(new AppendResult.Appended(2), new AppendResult.Appended(2));
        assertThat(store().load("a").orElseThrow().tail()).hasSize(2);
        assertThat(store().find("b", "bob-0001", 2)).isPresent();
    }
}
