package dev.tandem.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentLogTest {

    private static StoredOperation inserting(long rev, int length, String text) {
        return new StoredOperation(rev, TextOperation.builder().retain(length).insert(text).build(), "ana-0001", rev + 1,
                "c1", null, Instant.EPOCH);
    }

    @Test
    void bytesGrowWithInsertedTextAndShrinkWhenDropped() {
        RecentLog log = new RecentLog(0);
        log.add(inserting(0, 0, "x"));
        long keystroke = log.bytes();
        log.add(inserting(1, 1, "y".repeat(5_000)));

        assertThat(log.bytes() - keystroke).isGreaterThanOrEqualTo(10_000);
        log.dropBefore(1);
        assertThat(log.bytes()).isEqualTo(RecentLog.weight(log.get(1)));
        log.dropBefore(2);
        assertThat(log.bytes()).isZero();
    }

    @Test
    void startWithinIsTheFirstRevisionFromWhichTheRestFits() {
        RecentLog log = new RecentLog(10);
        log.add(inserting(10, 0, "a".repeat(1_000)));
        log.add(inserting(11, 1_000, "b".repeat(1_000)));
        log.add(inserting(12, 2_000, "c"));
        long last = RecentLog.weight(log.get(12));
        long middle = RecentLog.weight(log.get(11));

        assertThat(log.startWithin(log.bytes())).isEqualTo(10);
        assertThat(log.startWithin(middle + last)).isEqualTo(11);
        assertThat(log.startWithin(middle + last - 1)).isEqualTo(12);
        assertThat(log.startWithin(0)).isEqualTo(13);
    }
}
