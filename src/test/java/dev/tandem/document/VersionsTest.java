package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.store.NamedVersion;
import dev.tandem.store.StoredOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest extends ServiceFixture {

    private static <T> T done(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private Editor typed(String doc, String text) {
        Editor ana = join(doc, "ana-0001");
        for (int i = 0; i < text.length(); i++) {
            ana.edit(insert(i, i, text.substring(i, i + 1)));
            ana.awaitSynchronizedAt(i + 1);
        }
        return ana;
    }

    @Test
    void namingRenamingAndDeletingAVersion() {
        start();
        typed("notes", "abc");

        assertThat(done(service.nameVersion("notes", 2, "  Sent to the board ", "Ana"))).isEqualTo(VersionOutcome.DONE);
        assertThat(done(service.nameVersion("notes", 2, "Again", "Bo"))).isEqualTo(VersionOutcome.NAMED_ALREADY);
        assertThat(done(service.nameVersion("notes", 4, "Later", "Bo"))).isEqualTo(VersionOutcome.UNKNOWN_REVISION);
        assertThat(done(service.nameVersion("nothing", 0, "None", "Bo"))).isEqualTo(VersionOutcome.NO_SUCH_DOCUMENT);
        assertThat(done(service.nameVersion("notes", 1, " ", "Bo"))).isEqualTo(VersionOutcome.INVALID_NAME);
        assertThat(done(service.nameVersion("notes", 1, "a\u0000b", "Bo"))).isEqualTo(VersionOutcome.INVALID_NAME);
        assertThat(done(service.nameVersion("notes", 1, "x".repeat(201), "Bo"))).isEqualTo(VersionOutcome.INVALID_NAME);

        List<NamedVersion> named = done(service.versions("notes")).orElseThrow();
        assertThat(named).extracting(NamedVersion::rev, NamedVersion::name, NamedVersion::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Sent to the board", "Ana"));

        assertThat(done(service.renameVersion("notes", 2, "Final"))).isEqualTo(VersionOutcome.DONE);
        assertThat(done(service.renameVersion("notes", 1, "Final"))).isEqualTo(VersionOutcome.NOT_NAMED);
        assertThat(done(service.versions("notes")).orElseThrow()).extracting(NamedVersion::name).containsExactly("Final");
        assertThat(done(service.deleteVersion("notes", 2))).isEqualTo(VersionOutcome.DONE);
        assertThat(done(service.deleteVersion("notes", 2))).isEqualTo(VersionOutcome.NOT_NAMED);
        assertThat(done(service.versions("notes")).orElseThrow()).isEmpty();
        assertThat(done(service.versions("nothing"))).isEmpty();
    }

    @Test
    void restoringARevisionIsOneNewOperationOnTheHeadThatEveryoneReceives() {
        start();
        Editor ana = typed("notes", "abc");
        ana.edit(delete(3, 0, 2));           // "c"  rev 4
        ana.awaitSynchronizedAt(4);

        RestoreOutcome outcome = done(service.restore("notes", 2, "Bo"));

        assertThat(outcome).isEqualTo(new RestoreOutcome.Restored(5, true));
        ana.awaitSynchronizedAt(5);
        assertThat(ana.text()).isEqualTo("ab");
        assertThat(textOf("notes")).isEqualTo("ab");
        StoredOperation restore = done(service.operations("notes", 4, 5, 1)).get(0);
        assertThat(restore.name()).isEqualTo("Bo");
        assertThat(restore.operation().toWire()).isEqualTo(List.of("ab", -1));
        // the log before is untouched, and the restore is an operation that can itself be reverted
        assertThat(done(service.textAt("notes", 4))).isEqualTo(new TextAtRevision.Found(4, "c"));
        assertThat(done(service.restore("notes", 4, "Bo"))).isEqualTo(new RestoreOutcome.Restored(6, true));
        assertThat(textOf("notes")).isEqualTo("c");
    }

    @Test
    void restoringTheHeadsOwnTextChangesNothing() {
        start();
        typed("notes", "ab");

        assertThat(done(service.restore("notes", 2, "Bo"))).isEqualTo(new RestoreOutcome.Restored(2, false));
        assertThat(done(service.restore("notes", 3, "Bo"))).isEqualTo(new RestoreOutcome.UnknownRevision(2));
        assertThat(done(service.restore("nothing", 0, "Bo"))).isEqualTo(new RestoreOutcome.NoSuchDocument());
        assertThat(done(service.get("nothing"))).as("a restore creates no document").isEmpty();
    }

    private void awaitRead(long from, long to) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (store.reads.stream().noneMatch(r -> r[0] == from && r[1] == to)) {
            assertThat(System.nanoTime()).as("the read of [%d, %d)", from, to).isLessThan(deadline);
            Thread.sleep(5); // polls the store's record of reads: the restore offers no event of its own
        }
    }

    @Test
    void anEditConcurrentWithTheRestoreMerges() throws InterruptedException {
        start();
        Editor ana = typed("notes", "abc");
        ana.edit(insert(3, 3, "d"));              // "abcd" rev 4
        ana.awaitSynchronizedAt(4);
        store.hold();
        // Ana's edit at rev 4 is held in the store while the restore of rev 3 ("abc") joins at head 4
        ana.edit(insert(4, 0, ">"));
        store.awaitHeldAppend();
        var restored = service.restore("notes", 3, "Bo").toCompletableFuture();
        // the restore was welcomed at head 4 once it reads the log from 3 to 4 for its diff
        awaitRead(3, 4);
        store.release();

        assertThat(restored.join()).isInstanceOf(RestoreOutcome.Restored.class);
        ana.awaitSynchronizedAt(6);
        assertThat(textOf("notes")).isEqualTo(">abc");
        assertThat(ana.text()).isEqualTo(">abc");
    }
}
