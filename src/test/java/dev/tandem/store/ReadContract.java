package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code read}, {@code find}, {@code lastSeq}. */
interface ReadContract extends StoreContract {

    @Test
    default void readReturnsTheHalfOpenRangeInOrder() {
        Typing ana = new Typing("ana-0001");
        List<StoredOperation> log = ana.type("a", "b", "c", "d", "e");
        appendOrFail("notes", 0, log, 5);

        assertThat(store().read("notes", 1, 4)).isEqualTo(log.subList(1, 4));
        assertThat(store().read("notes", 0, 5)).isEqualTo(log);
        assertThat(store().read("notes", 3, 100)).as("fewer when the log ends before 'to'").isEqualTo(log.subList(3, 5));
        assertThat(store().read("notes", 2, 2)).as("empty range").isEmpty();
        assertThat(store().read("notes", 4, 1)).as("'to' before 'from'").isEmpty();
        assertThat(store().read("notes", 5, 10)).as("from the head on").isEmpty();
    }

    @Test
    default void readFromANegativeRevisionIsRejected() {
        assertThatThrownBy(() -> store().read("notes", -1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    default void resentOperationIsFoundBySrcAndSeq() {
        Typing ana = new Typing("ana-0001");
        Typing bob = new Typing("bob-0001");
        List<StoredOperation> anas = ana.type("a", "b");
        appendOrFail("notes", 0, anas, 2);
        StoredOperation bobs = new StoredOperation(2, bob.type("z").get(0).operation(), "bob-0001", 1, "c2", "Bob", Typing.START);
        appendOrFail("notes", 2, List.of(bobs), 3);

        assertThat(store().find("notes", "ana-0001", 2)).contains(anas.get(1));
        assertThat(store().find("notes", "bob-0001", 1)).contains(bobs);
        assertThat(store().find("notes", "ana-0001", 3)).as("a seq never applied").isEmpty();
        assertThat(store().find("notes", "cy-00001", 1)).as("an unknown src").isEmpty();
        assertThat(store().find("other", "ana-0001", 1)).as("another document").isEmpty();
    }

    @Test
    default void anOlderSeqFromALingeringConnectionIsFoundInTheLogItself() {
        // ana's early operations lie many rows (and more than one search window) behind her last
        long head = 0;
        for (int append = 0; append < 400; append++) {
            List<StoredOperation> batch = new java.util.ArrayList<>();
            for (int k = 0; k < 10; k++) {
                long round = head + batch.size(); // a multiple of 3: ana, bob, ana with seqs round + 1, round + 1, round + 2
                batch.add(Typing.insertAt(round, "ana-0001", round + 1));
                batch.add(Typing.insertAt(round + 1, "bob-0001", round + 1));
                batch.add(Typing.insertAt(round + 2, "ana-0001", round + 2));
            }
            appendOrFail("notes", head, batch, (int) head + batch.size());
            head += batch.size();
        }

        assertThat(store().find("notes", "ana-0001", 1)).map(StoredOperation::rev).contains(0L);
        assertThat(store().find("notes", "ana-0001", 2)).map(StoredOperation::rev).contains(2L);
        assertThat(store().find("notes", "bob-0001", 4)).map(StoredOperation::rev).contains(4L);
        assertThat(store().find("notes", "ana-0001", 3)).as("a seq below the last that was never applied").isEmpty();
        assertThat(store().find("notes", "ana-0001", 11_999)).map(StoredOperation::rev).contains(head - 1);
    }

    @Test
    default void aSeqNotAboveTheAuthorsLastIsRefusedAndWritesNothing() {
        appendOrFail("notes", 0, List.of(Typing.insertAt(0, "ana-0001", 5)), 1);

        assertThatThrownBy(() -> store().append("notes", 1, List.of(Typing.insertAt(1, "bob-0001", 1), Typing.insertAt(2, "ana-0001", 4)), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq 4").hasMessageContaining("last applied seq 5");
        assertThatThrownBy(() -> store().append("notes", 1, List.of(Typing.insertAt(1, "ana-0001", 7), Typing.insertAt(2, "ana-0001", 6)), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq 6").hasMessageContaining("after its seq 7");

        assertThat(store().summary("notes").orElseThrow().rev()).isEqualTo(1);
        assertThat(store().lastSeq("notes", "bob-0001")).isEqualTo(-1);
        assertThat(store().append("notes", 1, List.of(Typing.insertAt(1, "ana-0001", 6)), 2)).isEqualTo(new AppendResult.Appended(2));
    }

    @Test
    default void lastSeqIsTheHighestAppliedSeqOfThatSrcInThatDocument() {
        appendOrFail("notes", 0, List.of(
                Typing.insertAt(0, "ana-0001", 3),
                Typing.insertAt(1, "bob-0001", 10),
                Typing.insertAt(2, "ana-0001", 7)), 3);
        appendOrFail("other", 0, List.of(Typing.insertAt(0, "ana-0001", 99)), 1);

        assertThat(store().lastSeq("notes", "ana-0001")).isEqualTo(7);
        assertThat(store().lastSeq("notes", "bob-0001")).isEqualTo(10);
        assertThat(store().lastSeq("notes", "cy-00001")).isEqualTo(-1);
        assertThat(store().lastSeq("other", "ana-0001")).isEqualTo(99);
    }

    @Test
    default void sameSrcAndSeqMayAppearInDifferentDocuments() {
        appendOrFail("notes", 0, List.of(Typing.insertAt(0, "ana-0001", 1)), 1);
        appendOrFail("other", 0, List.of(Typing.insertAt(0, "ana-0001", 1)), 1);

        assertThat(store().find("notes", "ana-0001", 1)).isPresent();
        assertThat(store().find("other", "ana-0001", 1)).isPresent();
    }
}
