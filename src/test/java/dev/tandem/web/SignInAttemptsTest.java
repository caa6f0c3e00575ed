package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    private final MutableClock clock = new MutableClock();
    private final SessionSeal seal = new SessionSeal("a-long-client-secret-of-keycloak", clock);
    private final SignInAttempts attempts = new SignInAttempts(seal, clock);

    @Test
    void theCallbackWithTheSameStateGetsTheAttemptOnce() {
        SignInAttempts.Started started = attempts.start("/d/notes");
        String state = started.attempt().state().getValue();

        assertThat(attempts.take(started.cookie(), state)).contains(started.attempt());
        assertThat(attempts.take(started.cookie(), state)).as("a replayed state").isEmpty();
    }

    @Test
    void anotherStateAForgedOrExpiredCookieGetNothing() {
        SignInAttempts.Started started = attempts.start("/");
        String state = started.attempt().state().getValue();

        assertThat(attempts.take(started.cookie(), state + "x")).isEmpty();
        assertThat(attempts.take(started.cookie(), null)).isEmpty();
        assertThat(attempts.take(null, state)).isEmpty();
        assertThat(attempts.take(started.cookie().substring(0, started.cookie().length() - 4) + "AAAA", state)).isEmpty();
        SessionSeal otherKey = new SessionSeal("another-long-client-secret-here", clock);
        assertThat(new SignInAttempts(otherKey, clock).take(started.cookie(), state)).isEmpty();

        clock.now = clock.now.plus(SignInAttempts.PATIENCE).plusSeconds(1);
        assertThat(attempts.take(started.cookie(), state)).as("too late").isEmpty();
    }

    @Test
    void aSessionCookieIsNoSignInAttempt() {
        String session = seal.seal(new com.nimbusds.jwt.JWTClaimsSet.Builder().claim("use", "session").claim("state", "s")
                .expirationTime(java.util.Date.from(clock.now.plus(Duration.ofMinutes(5)))).build());
        assertThat(attempts.take(session, "s")).isEmpty();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T20:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
