package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class SessionSealTest {

    private static final String SECRET = "a-long-client-secret-of-keycloak";
    private final Instant now = Instant.parse("2026-12-07T20:00:00Z");
    private final SessionSeal nodeA = new SessionSeal(SECRET, Clock.fixed(now, ZoneOffset.UTC));

    private JWTClaimsSet session(Instant until) {
        return new JWTClaimsSet.Builder().claim("use", "session").subject("ana").expirationTime(Date.from(until)).build();
    }

    @Test
    void anotherNodeWithTheSameSecretOpensWhatOneSealed() {
        String sealed = nodeA.seal(session(now.plusSeconds(600)));
        SessionSeal nodeB = new SessionSeal(SECRET, Clock.fixed(now, ZoneOffset.UTC));

        assertThat(nodeB.open(sealed).map(JWTClaimsSet::getSubject)).contains("ana");
        assertThat(sealed).doesNotContain("ana"); // encrypted, not only signed
    }

    @Test
    void anotherSecretATamperedValueOrAnExpiredOneOpensNothing() {
        String sealed = nodeA.seal(session(now.plusSeconds(600)));
        // the first character of the authentication tag (the last part): all six of its bits count, where
        // the last character of a part may only carry padding bits, so changing it can change nothing
        int tag = sealed.lastIndexOf('.') + 1;
        char first = sealed.charAt(tag);
        String tampered = sealed.substring(0, tag) + (first == 'A' ? 'B' : 'A') + sealed.substring(tag + 1);

        assertThat(new SessionSeal("another-long-client-secret-here", Clock.fixed(now, ZoneOffset.UTC)).open(sealed)).isEmpty();
        assertThat(nodeA.open(tampered)).isEmpty();
        assertThat(nodeA.open("not.a.jwe")).isEmpty();
        assertThat(nodeA.open(null)).isEmpty();
        assertThat(new SessionSeal(SECRET, Clock.fixed(now.plusSeconds(601), ZoneOffset.UTC)).open(sealed)).as("expired").isEmpty();
        assertThat(nodeA.open(nodeA.seal(new JWTClaimsSet.Builder().subject("ana").build()))).as("no expiry").isEmpty();
    }
}
