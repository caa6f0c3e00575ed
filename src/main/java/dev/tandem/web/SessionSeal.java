package dev.tandem.web;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what a browser carries for Tandem (the session, a sign-in under way) in a cookie that
 * only the server can read or make: an encrypted JWT ({@code dir}, {@code A256GCM}: AES-GCM both
 * hides the claims and authenticates them). Every node derives the same key from the same
 * secret, so a session does not depend on the memory of the node that made it.
 *
 * <p>Immutable; safe for concurrent use.
 */
final class SessionSeal {

    private final byte[] key;
    private final Clock clock;

    /** @param secret shared by every node (the OpenID client secret); the key is derived from it for this use only */
    SessionSeal(String secret, Clock clock) {
        this.key = derive(secret, "tandem session cookie v1");
        this.clock = clock;
    }

    /** The sealed form of {@code claims}, which should carry an expiry ({@code exp}). */
    String seal(JWTClaimsSet claims) {
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), claims);
        try {
            jwt.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("AES-256-GCM is on every Java platform", e);
        }
        return jwt.serialize();
    }

    /** The claims of a sealed value this server made and that has not expired; empty for anything else. */
    Optional<JWTClaimsSet> open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwt.getHeader().getAlgorithm()) || !EncryptionMethod.A256GCM.equals(jwt.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwt.decrypt(new DirectDecrypter(key));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty(); // forged, from another key, or damaged
        }
    }

    private static byte[] derive(String secret, String use) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal(use.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is on every Java platform", e);
        }
    }
}
