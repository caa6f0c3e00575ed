package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts and operations come back unit for unit, however exotic or large. */
interface TextContract extends StoreContract {

    String EXOTIC = "emoji 😀👩‍👩‍👧 CJK 漢字かなカナ한글 combining e\u0301 RTL שלום"
            + " quotes \"'` backslash \\ tab\t newline\n cr\r controls \u0001\u001f\u007f bom \ufeff 𝄞";

    @Test
    default void unicodeRoundTripsInOperationsSnapshotsAndNames() {
        TextOperation insert = TextOperation.builder().insert(EXOTIC).build();
        StoredOperation operation = new StoredOperation(0, insert, "ana-0001", 1, "c1", "Zoë 😀 李", Typing.START);

        appendOrFail("notes", 0, List.of(operation), EXOTIC.length());
        store().saveSnapshot("notes", new Snapshot(1, EXOTIC));

        assertThat(store().read("notes", 0, 1)).containsExactly(operation);
        assertThat(store().read("notes", 0, 1).get(0).operation().apply("")).isEqualTo(EXOTIC);
        assertThat(store().snapshotAtOrBefore("notes", 1)).contains(new Snapshot(1, EXOTIC));
        assertThat(store().summary("notes").orElseThrow().length()).isEqualTo(EXOTIC.length());
    }

    @Test
    default void megabyteTextRoundTrips() {
        String large = "0123456789abcdef😀漢".repeat(1 << 16); // 18 UTF-16 units × 65,536 ≈ 1.2 M units
        TextOperation paste = TextOperation.builder().insert(large).build();
        StoredOperation operation = new StoredOperation(0, paste, "ana-0001", 1, "c1", null, Typing.START);

        appendOrFail("big", 0, List.of(operation), large.length());
        store().saveSnapshot("big", new Snapshot(1, large));

        assertThat(store().read("big", 0, 1).get(0).operation()).isEqualTo(paste);
        assertThat(store().load("big").orElseThrow().snapshot().text()).isEqualTo(large);
        assertThat(store().summary("big").orElseThrow().length()).isEqualTo(large.length());
    }

    @Test
    default void nulCharacterRoundTrips() {
        String withNul = "before\u0000after";
        TextOperation insert = TextOperation.builder().insert(withNul).build();
        StoredOperation operation = new StoredOperation(0, insert, "ana-0001", 1, "c1", null, Typing.START);

        appendOrFail("notes", 0, List.of(operation), withNul.length());
        store().saveSnapshot("notes", new Snapshot(1, withNul));

        assertThat(store().read("notes", 0, 1)).containsExactly(operation);
        assertThat(store().snapshotAtOrBefore("notes", 1)).contains(new Snapshot(1, withNul));
    }
}
