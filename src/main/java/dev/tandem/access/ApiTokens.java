package dev.tandem.access;

import dev.tandem.store.AccessStore;
import dev.tandem.store.ApiToken;
import dev.tandem.store.StoredUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: a signed-in user makes one for a program, which sends it as
 * {@code Authorization: Bearer <secret>} and then acts for the user within the token's scope.
 *
 * <p>The secret is 256 random bits, shown once when made; the store keeps only its SHA-256
 * digest, which is also how a presented secret is found (one indexed lookup). A plain digest
 * rather than a slow password hash because the secret is random, not chosen by a person: there
 * is nothing to guess from the digest.
 */
public final class ApiTokens {

    /** What every secret starts with, so that leaked ones are easy to recognise and scan for. */
    public static final String PREFIX = "tandem_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessStore store;
    private final Admins admins;
    private final Clock clock;

    public ApiTokens(AccessStore store, Admins admins, Clock clock) {
        this.store = store;
        this.admins = admins;
        this.clock = clock;
    }

    /** A token just made: the only time its secret is known. */
    public record Made(ApiToken token, String secret) {
    }

    /**
     * Makes a token for the caller, who must be signed in with a session (a token cannot make
     * tokens).
     *
     * @return empty when the caller may not
     */
    public Optional<Made> make(Caller owner, String label, ApiToken.Scope scope) {
        if (!owner.isSignedIn() || owner.scope() != null) {
            return Optional.empty();
        }
        String secret = PREFIX + random(32);
        ApiToken token = new ApiToken(random(9), owner.user().id(), label, scope, clock.instant());
        store.saveToken(token, digest(secret));
        return Optional.of(new Made(token, secret));
    }

    /** The caller's tokens, oldest first (none for an anonymous caller). */
    public List<ApiToken> of(Caller owner) {
        return owner.isSignedIn() ? store.tokens(owner.user().id()) : List.of();
    }

    /** Revokes one of the caller's tokens (with a session only); {@code false} when there was none such. */
    public boolean revoke(Caller owner, String id) {
        return owner.isSignedIn() && owner.scope() == null && store.revokeToken(owner.user().id(), id);
    }

    /**
     * The caller a presented secret stands for, with the groups of the user's last sign-in, or
     * empty for a secret that no token has.
     */
    public Optional<Caller> callerOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = store.tokenOfDigest(digest(secret));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredUser> user = store.user(token.get().user());
        return user.map(u -> Caller.signedIn(u, new HashSet<>(u.groups()), admins.include(u.subject(), new HashSet<>(u.groups())))
                .through(token.get().scope()));
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
