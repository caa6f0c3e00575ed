package dev.tandem.store;

import java.util.Locale;

/**
 * What an access entry lets its grantee do with a document, weakest first: each role may do
 * everything the ones before it may. {@link #COMMENTER} may also write comment threads.
 */
public enum Role {
    VIEWER,
    COMMENTER,
    EDITOR,
    OWNER;

    /** The name in the HTTP API and the database: {@code viewer}, {@code commenter}, {@code editor}, {@code owner}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may change the text. */
    public boolean mayEdit() {
        return compareTo(EDITOR) >= 0;
    }

    /** The stronger of the two ({@code null} counts as no role). */
    public static Role max(Role a, Role b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** The role of a wire name. @throws IllegalArgumentException naming the accepted values */
    public static Role parse(String wireName) {
        for (Role role : values()) {
            if (role.wireName().equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be viewer, commenter, editor or owner, not \"" + wireName + "\"");
    }
}
