package dev.tandem.store;

import java.util.Locale;

/** Whether anyone who has a document's link may open it, signed in or not, and how far. */
public enum LinkSharing {
    /** Only the owner, the access entries and administrators. */
    OFF(null),
    /** Anyone with the link may view. */
    VIEW(Role.VIEWER),
    /** Anyone with the link may edit. */
    EDIT(Role.EDITOR);

    private final Role grants;

    LinkSharing(Role grants) {
        this.grants = grants;
    }

    /** The role it gives anyone with the link, or {@code null} for none. */
    public Role grants() {
        return grants;
    }

    /** {@code off}, {@code view} or {@code edit}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static LinkSharing parse(String wireName) {
        for (LinkSharing sharing : values()) {
            if (sharing.wireName().equals(wireName)) {
                return sharing;
            }
        }
        throw new IllegalArgumentException("link sharing must be off, view or edit, not \"" + wireName + "\"");
    }
}
