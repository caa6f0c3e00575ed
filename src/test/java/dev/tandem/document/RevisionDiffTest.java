package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.Diff;
import dev.tandem.ot.Diff.Kind;
import dev.tandem.ot.Diff.Span;
import org.junit.jupiter.api.Test;

class RevisionDiffTest extends ServiceFixture {

    private RevisionDiff diff(String doc, long from, long to) {
        return service.diff(doc, from, to).toCompletableFuture().join();
    }

    @Test
    void diffNamesTheAuthorOfEverySpanAcrossSnapshots() throws InterruptedException {
        start(SMALL.withSnapshotEvery(2));
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "hello world"));
        ana.awaitSynchronizedAt(1);
        Editor bo = join("notes", "bo-00001");
        bo.edit(delete(11, 0, 6));            // "world"           rev 2
        bo.awaitSynchronizedAt(2);
        bo.edit(insert(5, 5, "!"));           // "world!"          rev 3
        bo.awaitSynchronizedAt(3);
        ana.awaitSynchronizedAt(3);
        ana.edit(insert(6, 0, "big "));       // "big world!"      rev 4
        ana.awaitSynchronizedAt(4);
        store.awaitSnapshot(4);

        RevisionDiff.Found found = (RevisionDiff.Found) diff("notes", 1, 4);

        assertThat(found.diff().spans()).containsExactly(
                new Span(Kind.DELETE, "hello ", "bo-00001"),
                new Span(Kind.INSERT, "big ", "ana-0001"),
                new Span(Kind.KEEP, "world", null),
                new Span(Kind.INSERT, "!", "bo-00001"));
        assertThat(found.diff().oldText()).isEqualTo("hello world");
        assertThat(found.diff().newText()).isEqualTo("big world!");
    }

    @Test
    void anInsertDeletedAgainInTheRangeLeavesNoTrace() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "abc"));
        ana.awaitSynchronizedAt(1);
        ana.edit(insert(3, 3, "xyz"));
        ana.awaitSynchronizedAt(2);
        ana.edit(delete(6, 3, 3));
        ana.awaitSynchronizedAt(3);

        assertThat(((RevisionDiff.Found) diff("notes", 1, 3)).diff().spans()).containsExactly(new Span(Kind.KEEP, "abc", null));
        assertThat(((RevisionDiff.Found) diff("notes", 2, 2)).diff().spans()).containsExactly(new Span(Kind.KEEP, "abcxyz", null));
        assertThat(((RevisionDiff.Found) diff("notes", 0, 0)).diff().spans()).isEmpty();
    }

    @Test
    void revisionsOutsideTheLogAreUnknown() {
        start();
        Editor ana = join("notes", "ana-0001");
        ana.edit(insert(0, 0, "abc"));
        ana.awaitSynchronizedAt(1);

        assertThat(diff("notes", 0, 2)).isEqualTo(new RevisionDiff.UnknownRevision(1));
        assertThat(diff("notes", 1, 0)).isEqualTo(new RevisionDiff.UnknownRevision(1));
        assertThat(diff("notes", -1, 1)).isEqualTo(new RevisionDiff.UnknownRevision(1));
        assertThat(diff("nothing", 0, 0)).isEqualTo(new RevisionDiff.NoSuchDocument());
    }
}
