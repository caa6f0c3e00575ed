package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ot.TextOperation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    private static final Instant ROW = Instant.parse("2026-12-07T22:00:00.000001Z");

    @Test
    void everyFieldComesBackAsItWas() {
        List<StoredOperation> batch = List.of(
                new StoredOperation(41, TextOperation.builder().retain(3).insert("héllo 😀").delete(2).retain(70_000).build(),
                        "ana-0001", 7, "c1", "Ana", ROW),
                new StoredOperation(42, TextOperation.builder().insert("\u0000\ud800 lone surrogate and NUL").build(),
                        "bob-0001", Long.MAX_VALUE, "c2", null, ROW.minusSeconds(5)),
                new StoredOperation(43, TextOperation.builder().retain(1).delete(Integer.MAX_VALUE - 1).build(),
                        "ana-0001", 8, "c1", "Ana", ROW.plusSeconds(86_400L * 365 * 30).plusNanos(999_000)),
                new StoredOperation(44, TextOperation.empty(), "carol", -3, "c3", "", ROW));

        byte[] row = BatchCodec.encode(batch, ROW);

        assertThat(BatchCodec.decode(row, 41, ROW, "test")).isEqualTo(batch);
    }

    @Test
    void aKeystrokeRowIsSmall() {
        List<StoredOperation> batch = List.of(
                new StoredOperation(1000, TextOperation.builder().retain(1200).insert("a").retain(300).build(),
                        "editor-7f3a9c2e", 512, "c-17", "Ana", ROW),
                new StoredOperation(1001, TextOperation.builder().retain(1201).insert("b").retain(300).build(),
                        "editor-7f3a9c2e", 513, "c-17", "Ana", ROW.plusNanos(350_000)));

        // the second operation repeats no string: references only
        assertThat(BatchCodec.encode(batch, ROW)).hasSizeLessThan(60);
    }

    @Test
    void aDamagedRowIsAStoreErrorNamingIt() {
        byte[] row = BatchCodec.encode(List.of(Typing.insertAt(5, "ana-0001", 1)), Typing.START);

        assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(row, row.length - 1), 5, Typing.START, "row 5 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("row 5 of 'notes'");
        byte[] longer = Arrays.copyOf(row, row.length + 1);
        assertThatThrownBy(() -> BatchCodec.decode(longer, 5, Typing.START, "row 5 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("bytes left");
        byte[] otherFormat = row.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> BatchCodec.decode(otherFormat, 5, Typing.START, "row 5 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("format 9");
    }
}
