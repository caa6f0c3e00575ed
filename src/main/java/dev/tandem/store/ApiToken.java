package dev.tandem.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A personal API token as the store keeps it: everything but the secret, of which only a
 * digest is stored (its owner saw it once, when it was made).
 *
 * @param id    short public id, to list and revoke it by
 * @param user  the {@link StoredUser#id()} it acts for
 * @param label what its owner called it ("backup script")
 */
public record ApiToken(String id, String user, String label, Scope scope, Instant created) {

    /** The longest label kept. */
    public static final int MAX_LABEL = 200;

    /** What a program holding the token may do, at most: its owner's rights still apply. */
    public enum Scope {
        /** Read documents, their history and operations; change nothing. */
        READ,
        /** Whatever its owner may do with documents (not manage tokens). */
        WRITE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the accepted values */
        public static Scope parse(String wireName) {
            for (Scope scope : values()) {
                if (scope.wireName().equals(wireName)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException("a token's scope is read or write, not \"" + wireName + "\"");
        }
    }

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(created, "created");
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("a token's label must have 1 to " + MAX_LABEL + " characters, not "
                    + (label == null ? "none" : label.length()));
        }
    }
}
