package dev.tandem.document;

/** What a connection may do: edit, or only view (its operations get {@code forbidden}). */
public enum Mode {
    EDIT("edit"),
    VIEW("view");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    /** The name PROTOCOL.md uses in the welcome's {@code mode}. */
    public String wireName() {
        return wireName;
    }
}
