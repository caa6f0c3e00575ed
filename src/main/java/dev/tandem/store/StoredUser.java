package dev.tandem.store;

import java.util.List;
import java.util.Objects;

/**
 * A user who signed in at least once, as the identity provider (or the container) last
 * described them.
 *
 * @param id      Tandem's own id for the user, random, stable across changes of name or e-mail
 * @param issuer  who vouches for the subject: the OpenID provider's issuer URL, or
 *                {@code container} for users the servlet container authenticated
 * @param subject the provider's stable identifier of the user ({@code sub}), or the container's principal name
 * @param name    the name shown to others (presence, cursors, history); never blank
 * @param email   {@code null} when the provider did not give one
 * @param groups  the groups the provider named at the last sign-in
 */
public record StoredUser(String id, String issuer, String subject, String name, String email, List<String> groups) {

    /** Longest issuer, subject, name and e-mail kept (the database columns). */
    public static final int MAX_ISSUER = 512;
    public static final int MAX_SUBJECT = 255;
    public static final int MAX_NAME = 256;
    public static final int MAX_EMAIL = 320;

    public StoredUser {
        Objects.requireNonNull(id, "id");
        check("issuer", issuer, MAX_ISSUER);
        check("subject", subject, MAX_SUBJECT);
        check("name", name, MAX_NAME);
        if (email != null && email.length() > MAX_EMAIL) {
            throw new IllegalArgumentException("a user's e-mail has at most " + MAX_EMAIL + " characters, not " + email.length());
        }
        groups = List.copyOf(groups);
        for (String group : groups) {
            check("group", group, Grantee.MAX_NAME);
        }
    }

    private static void check(String what, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("a user's " + what + " must have 1 to " + max + " characters, not "
                    + (value == null ? "none" : value.length()));
        }
    }
}
