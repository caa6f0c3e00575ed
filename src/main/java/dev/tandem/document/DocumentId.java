package dev.tandem.document;

import java.util.regex.Pattern;

/** PROTOCOL.md's document ids: {@code ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$}. */
public final class DocumentId {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private DocumentId() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
