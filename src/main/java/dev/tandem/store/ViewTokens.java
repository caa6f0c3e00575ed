package dev.tandem.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Read-only link tokens: 128 bits from {@link SecureRandom}, base64url without padding (22
 * characters). Drawn at random rather than derived from the document id (no hash, no key), so
 * that nothing about the id can be learnt from a token or guessed from the id.
 */
public final class ViewTokens {

    /** 16 random bytes: 2^128 tokens, beyond any guessing over the network. */
    static final int RANDOM_BYTES = 16;

    /** What a token may look like; a request with anything else is refused before any lookup. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ViewTokens() {
    }

    static String fresh() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
