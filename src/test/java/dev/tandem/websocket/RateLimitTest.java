package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The token bucket on a simulated clock (nanoseconds). */
class RateLimitTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBurstOfOneSecondsWorthPassesAtOnce() {
        RateLimit rate = new RateLimit(200, 10 * SECOND, 0);
        for (int i = 0; i < 200; i++) {
            assertThat(rate.admit(0)).isZero();
        }
        assertThat(rate.admit(0)).isEqualTo(SECOND / 200);
    }

    @Test
    void aClientAtTheRateIsNeverPaused() {
        RateLimit rate = new RateLimit(200, 10 * SECOND, 0);
        for (long t = 0; t < 60 * SECOND; t += SECOND / 200) {
            assertThat(rate.admit(t)).isZero();
        }
    }

    @Test
    void aClientOverTheRateIsPausedThenClosedWhenItKeepsOn() {
        RateLimit rate = new RateLimit(10, 10 * SECOND, 0);
        long now = 0;
        long pause = 0;
        int messages = 0;
        while (pause != RateLimit.CLOSE) {
            pause = rate.admit(now);
            // the reader sleeps as told, then the client's next message is already there
            now += Math.max(pause, 0);
            messages++;
        }
        assertThat(now).isBetween(10 * SECOND, 11 * SECOND);
        // paced at the rate meanwhile: the burst plus ten a second
        assertThat(messages).isBetween(100, 125);
    }

    @Test
    void slowingDownEndsTheThrottling() {
        RateLimit rate = new RateLimit(10, 10 * SECOND, 0);
        long now = 0;
        for (int i = 0; i < 50; i++) {
            now += Math.max(rate.admit(now), 0);
        }
        now += 5 * SECOND; // a pause refills the bucket
        assertThat(rate.admit(now)).isZero();
        for (int i = 0; i < 100; i++) {
            long pause = rate.admit(now);
            assertThat(pause).isNotEqualTo(RateLimit.CLOSE);
            now += Math.max(pause, 0);
        }
    }
}
