package dev.tandem.web;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ins under way: what the browser must bring back from the provider. The {@code state},
 * {@code nonce}, PKCE verifier and the page to return to travel in a sealed cookie
 * ({@link SessionSeal}) rather than in this node's memory; the callback is accepted once, with
 * the same {@code state}, within {@link #PATIENCE}. A replayed {@code state} is refused: its
 * cookie is gone after the first use, and this node also remembers the states it took until they
 * expire (another node would still be refused by the provider, for whom a code is single-use).
 *
 * <p>Threading: safe for concurrent use.
 */
final class SignInAttempts {

    /** How long a user may take on the provider's login page. */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    /** What a callback needs, taken from the cookie. */
    record Attempt(State state, Nonce nonce, CodeVerifier verifier, String returnTo) {
    }

    /** A new attempt and its sealed cookie value. */
    record Started(Attempt attempt, String cookie) {
    }

    private final SessionSeal seal;
    private final Clock clock;
    /** States taken, until they expire. */
    private final Map<String, Instant> taken = new ConcurrentHashMap<>();

    SignInAttempts(SessionSeal seal, Clock clock) {
        this.seal = seal;
        this.clock = clock;
    }

    Started start(String returnTo) {
        Attempt attempt = new Attempt(new State(), new Nonce(), new CodeVerifier(), returnTo);
        String cookie = seal.seal(new JWTClaimsSet.Builder()
                .claim("use", "sign-in")
                .claim("state", attempt.state().getValue())
                .claim("nonce", attempt.nonce().getValue())
                .claim("pkce", attempt.verifier().getValue())
                .claim("return", returnTo)
                .expirationTime(Date.from(clock.instant().plus(PATIENCE)))
                .build());
        return new Started(attempt, cookie);
    }

    /**
     * The attempt that {@code cookie} holds if the provider sent back its {@code state}, and it
     * was not taken before; empty for a forged, expired, foreign or replayed one.
     */
    Optional<Attempt> take(String cookie, String presentedState) {
        Optional<JWTClaimsSet> claims = seal.open(cookie);
        if (claims.isEmpty() || presentedState == null || !"sign-in".equals(claims.get().getClaim("use"))) {
            return Optional.empty();
        }
        String state = (String) claims.get().getClaim("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), presentedState.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        taken.values().removeIf(expiry -> expiry.isBefore(now));
        if (taken.putIfAbsent(state, now.plus(PATIENCE)) != null) {
            return Optional.empty(); // replayed
        }
        return Optional.of(new Attempt(new State(state), new Nonce((String) claims.get().getClaim("nonce")),
                new CodeVerifier((String) claims.get().getClaim("pkce")), (String) claims.get().getClaim("return")));
    }
}
