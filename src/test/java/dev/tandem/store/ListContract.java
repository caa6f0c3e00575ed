package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code list}: most recently changed first. */
interface ListContract extends StoreContract {

    private StoredOperation at(long rev, String src, long seq, Instant time) {
        return new StoredOperation(rev, Typing.insertAt(rev, src, seq).operation(), src, seq, "c1", null, time);
    }

    @Test
    default void listShowsTheMostRecentlyChangedFirst() {
        Instant t = Typing.START;
        appendOrFail("alpha", 0, List.of(at(0, "ana-0001", 1, t.plusSeconds(1))), 1);
        appendOrFail("beta", 0, List.of(at(0, "ana-0001", 1, t.plusSeconds(2))), 1);
        appendOrFail("gamma", 0, List.of(at(0, "ana-0001", 1, t.plusSeconds(3))), 1);
        appendOrFail("alpha", 1, List.of(at(1, "ana-0001", 2, t.plusSeconds(4)), at(2, "ana-0001", 3, t.plusSeconds(5))), 3);

        List<DocumentSummary> listed = store().list(10);

        assertThat(listed).extracting(DocumentSummary::id).containsExactly("alpha", "gamma", "beta");
        assertThat(listed.get(0)).isEqualTo(new DocumentSummary("alpha", 3, 3, t.plusSeconds(5)));
        assertThat(store().summary("alpha")).contains(listed.get(0));
    }

    @Test
    default void listStopsAtTheLimit() {
        Instant t = Typing.START;
        for (int i = 0; i < 5; i++) {
            appendOrFail("doc-" + i, 0, List.of(at(0, "ana-0001", 1, t.plusSeconds(i))), 1);
        }

        assertThat(store().list(2)).extracting(DocumentSummary::id).containsExactly("doc-4", "doc-3");
        assertThat(store().list(0)).isEmpty();
        assertThat(store().list(100)).hasSize(5);
        assertThatThrownBy(() -> store().list(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    default void documentsChangedAtTheSameTimeAreListedById() {
        Instant t = Typing.START;
        for (String id : List.of("b", "c", "a")) {
            appendOrFail(id, 0, List.of(at(0, "ana-0001", 1, t)), 1);
        }

        assertThat(store().list(10)).extracting(DocumentSummary::id).containsExactly("a", "b", "c");
    }
}
