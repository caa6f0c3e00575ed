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
