package dev.tandem.store;

import java.util.Locale;
import java.util.Objects;

/**
 * Who an access entry names: one user (by the stored user's {@link StoredUser#id()}) or a group
 * (by the name the identity provider or the container gives it).
 */
public record Grantee(Kind kind, String name) {

    /** The longest name kept (the database column). */
    public static final int MAX_NAME = 256;

    public enum Kind {
        USER,
        GROUP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the accepted values */
        public static Kind parse(String wireName) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(wireName)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("a grantee is a user or a group, not \"" + wireName + "\"");
        }
    }

    public Grantee {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a grantee's name must have 1 to " + MAX_NAME + " characters, not "
                    + (name == null ? "none" : name.length()));
        }
    }

    public static Grantee user(String id) {
        return new Grantee(Kind.USER, id);
    }

    public static Grantee group(String name) {
        return new Grantee(Kind.GROUP, name);
    }
}
