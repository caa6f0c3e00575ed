package dev.tandem.document;

/**
 * A refused request, with PROTOCOL.md's code and a message naming the rule and the values.
 *
 * @param seq the rejected operation's {@code seq}, or {@code null} when not about an operation
 */
public record Rejection(Code code, String message, Long seq) {

    /** PROTOCOL.md's error codes that the service decides. */
    public enum Code {
        INVALID_OP("invalid-op"),
        UNKNOWN_REV("unknown-rev"),
        NOT_IN_ORDER("not-in-order"),
        FORBIDDEN("forbidden"),
        /** The operation would make the document larger than its limit; the connection stays open. */
        DOCUMENT_TOO_LARGE("too-large");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
