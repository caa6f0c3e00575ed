package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code nameVersion}, {@code versions}, {@code renameVersion}, {@code deleteVersion}: names given to revisions. */
interface VersionContract extends StoreContract {

    Instant WHEN = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @Test
    default void namedVersionsAreListedByRevisionWithTheirTimeCutToTheMicrosecond() {
        appendOrFail("notes", 0, new Typing("ana-0001").type("a", "b", "c"), 3);

        assertThat(store().nameVersion("notes", new NamedVersion(3, "Sent to the board", "Ana", WHEN))).isTrue();
        assertThat(store().nameVersion("notes", new NamedVersion(0, "Empty", null, WHEN))).isTrue();
        assertThat(store().nameVersion("notes", new NamedVersion(1, "First", "Bo", WHEN))).isTrue();

        Instant cut = Instant.parse("2026-03-01T10:15:30.123456Z");
        assertThat(store().versions("notes")).containsExactly(
                new NamedVersion(0, "Empty", null, cut),
                new NamedVersion(1, "First", "Bo", cut),
                new NamedVersion(3, "Sent to the board", "Ana", cut));
    }

    @Test
    default void aRevisionHasOneNameAndNamingItAgainChangesNothing() {
        appendOrFail("notes", 0, new Typing("ana-0001").type("a"), 1);
        store().nameVersion("notes", new NamedVersion(1, "First", "Ana", WHEN));

        assertThat(store().nameVersion("notes", new NamedVersion(1, "Other", "Bo", WHEN))).isFalse();
        assertThat(store().versions("notes")).extracting(NamedVersion::name).containsExactly("First");
    }

    @Test
    default void renameAndDeleteTouchOnlyTheNamedRevision() {
        appendOrFail("notes", 0, new Typing("ana-0001").type("a", "b"), 2);
        store().nameVersion("notes", new NamedVersion(1, "First", "Ana", WHEN));
        store().nameVersion("notes", new NamedVersion(2, "Second", "Ana", WHEN));

        assertThat(store().renameVersion("notes", 1, "Draft")).isTrue();
        assertThat(store().renameVersion("notes", 0, "Nothing")).isFalse();
        assertThat(store().deleteVersion("notes", 2)).isTrue();
        assertThat(store().deleteVersion("notes", 2)).isFalse();

        assertThat(store().versions("notes")).extracting(NamedVersion::rev, NamedVersion::name, NamedVersion::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Draft", "Ana"));
        assertThat(store().read("notes", 0, 2)).hasSize(2);
    }

    @Test
    default void onlyRevisionsOfExistingDocumentsCanBeNamed() {
        appendOrFail("notes", 0, new Typing("ana-0001").type("a"), 1);

        assertThatThrownBy(() -> store().nameVersion("notes", new NamedVersion(2, "Later", null, WHEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond its head 1");
        assertThatThrownBy(() -> store().nameVersion("notes", new NamedVersion(-1, "Before", null, WHEN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().nameVersion("nothing", new NamedVersion(0, "None", null, WHEN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().versions("notes")).isEmpty();
        assertThat(store().versions("nothing")).isEmpty();
        assertThat(store().renameVersion("nothing", 0, "x")).isFalse();
        assertThat(store().deleteVersion("nothing", 0)).isFalse();
    }

    @Test
    default void versionsAreKeptPerDocument() {
        store().create("one");
        store().create("two");
        store().nameVersion("one", new NamedVersion(0, "Start of one", null, WHEN));

        assertThat(store().versions("two")).isEmpty();
        assertThat(store().deleteVersion("two", 0)).isFalse();
        assertThat(store().versions("one")).hasSize(1);
    }
}
