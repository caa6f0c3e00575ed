package dev.tandem.access;

import dev.tandem.store.ApiToken;
import dev.tandem.store.StoredUser;
import java.util.Objects;
import java.util.Set;

/**
 * Whom a request or a connection acts for: nobody ({@link #ANONYMOUS}), or a signed-in user with
 * the groups the provider or the container gave them at this sign-in, perhaps through a
 * personal API token that narrows what they may do.
 *
 * @param user   {@code null} for the anonymous caller
 * @param groups the groups of this sign-in (not the stored ones: a container tells them per request)
 * @param admin  whether {@code TANDEM_ADMINS} names the user or one of the groups
 * @param scope  the API token's scope when the caller came with one, else {@code null}
 */
public record Caller(StoredUser user, Set<String> groups, boolean admin, ApiToken.Scope scope) {

    /** Nobody signed in: only link sharing lets them in. */
    public static final Caller ANONYMOUS = new Caller(null, Set.of(), false, null);

    public Caller {
        groups = Set.copyOf(groups);
        if (user == null && (admin || scope != null || !groups.isEmpty())) {
            throw new IllegalArgumentException("the anonymous caller has no groups, no token and is no administrator");
        }
    }

    /** A user signed in with a session (not a token). */
    public static Caller signedIn(StoredUser user, Set<String> groups, boolean admin) {
        return new Caller(Objects.requireNonNull(user, "user"), groups, admin, null);
    }

    /** The same user acting through an API token of {@code scope}. */
    public Caller through(ApiToken.Scope tokenScope) {
        return new Caller(user, groups, admin, tokenScope);
    }

    public boolean isSignedIn() {
        return user != null;
    }

    /** Whether the caller may change things at all (a read token may not). */
    public boolean mayWrite() {
        return scope != ApiToken.Scope.READ;
    }
}
