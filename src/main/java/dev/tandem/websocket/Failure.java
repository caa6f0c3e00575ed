package dev.tandem.websocket;

import dev.tandem.document.Participant;
import dev.tandem.document.Rejection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCode;
import jakarta.websocket.CloseReason.CloseCodes;
import java.nio.charset.StandardCharsets;

/**
 * The one table from what went wrong to what the client sees (PROTOCOL.md "Errors" and close
 * codes): an {@code error} message with a code, a close code, or both (the message first).
 * Nothing else in this package picks an error code or a close code.
 */
enum Failure {
    // answered, the connection stays open
    BAD_MESSAGE("bad-message", null),
    INVALID_OP("invalid-op", null),
    UNKNOWN_REV("unknown-rev", null),
    NOT_IN_ORDER("not-in-order", null),
    FORBIDDEN("forbidden", null),
    /** An operation that would make the document larger than its limit: refused, the connection stays open. */
    DOCUMENT_TOO_LARGE("too-large", null),

    // the connection ends (RFC 6455 §7.4.1 and PROTOCOL.md's close codes)
    /** The 10th {@code bad-message} in a row: answered, then closed as a policy violation. */
    REPEATED_BAD_MESSAGES("bad-message", CloseCodes.VIOLATED_POLICY),
    TOO_LARGE("too-large", CloseCodes.TOO_BIG),
    /** Kept sending faster than the rate limit for too long. */
    TOO_FAST(null, CloseCodes.VIOLATED_POLICY),
    /** Only reached when the handshake filter did not refuse the request with 404 first. */
    INVALID_ID(null, CloseCodes.VIOLATED_POLICY),
    /** Reads too slowly: its outbound queue reached its bound. */
    SLOW_READER(null, CloseCodes.TRY_AGAIN_LATER),
    /** Silent for longer than the idle timeout; nothing went wrong on the server's side. */
    IDLE(null, CloseCodes.NORMAL_CLOSURE),
    SHUTDOWN(null, CloseCodes.GOING_AWAY),
    STORE_FAILURE(null, CloseCodes.UNEXPECTED_CONDITION),
    CAPACITY(null, CloseCodes.TRY_AGAIN_LATER),
    /** With sign-in: the caller's role on the document was removed, or lowered below what the connection's mode needs. */
    ACCESS_LOST(null, CloseCodes.VIOLATED_POLICY),
    /** With sign-in: the caller may now edit where the connection only views; reconnecting gives an editing one. */
    ACCESS_RAISED(null, CloseCodes.SERVICE_RESTART),
    /** A bug on the server's side (an exception escaped); the client resumes from its revision. */
    INTERNAL(null, CloseCodes.UNEXPECTED_CONDITION);

    /** RFC 6455 §5.5: a control frame's payload is at most 125 bytes, 2 of them the code. */
    private static final int MAX_REASON_BYTES = 123;

    private final String code;
    private final CloseCode closeCode;

    Failure(String code, CloseCode closeCode) {
        this.code = code;
        this.closeCode = closeCode;
    }

    static Failure of(Rejection.Code code) {
        return switch (code) {
            case INVALID_OP -> INVALID_OP;
            case UNKNOWN_REV -> UNKNOWN_REV;
            case NOT_IN_ORDER -> NOT_IN_ORDER;
            case FORBIDDEN -> FORBIDDEN;
            case DOCUMENT_TOO_LARGE -> DOCUMENT_TOO_LARGE;
        };
    }

    static Failure of(Participant.End end) {
        return switch (end) {
            case SHUTDOWN -> SHUTDOWN;
            case FAILURE -> STORE_FAILURE;
            case CAPACITY -> CAPACITY;
        };
    }

    /** Whether the client gets an {@code error} message. */
    boolean answers() {
        return code != null;
    }

    /** Whether the connection ends. */
    boolean closes() {
        return closeCode != null;
    }

    /** PROTOCOL.md's error code, or {@code null} when the client gets only a close code. */
    String code() {
        return code;
    }

    /** How metrics name it: the error code where there is one, else the name ({@code slow-reader}). */
    String metricName() {
        return code != null ? code : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    ServerMessage.Error error(String message, Long seq) {
        if (code == null) {
            throw new IllegalStateException(this + " has no error message, only a close code");
        }
        return new ServerMessage.Error(code, message, seq);
    }

    CloseReason closeReason(String detail) {
        if (closeCode == null) {
            throw new IllegalStateException(this + " does not close the connection");
        }
        return new CloseReason(closeCode, fit(detail));
    }

    /** The reason phrase cut to what a close frame holds, on a character boundary. */
    private static String fit(String detail) {
        if (detail == null) {
            return "";
        }
        byte[] utf8 = detail.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REASON_BYTES) {
            return detail;
        }
        int end = detail.length();
        while (detail.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            end = Character.isLowSurrogate(detail.charAt(end - 1)) ? end - 2 : end - 1;
        }
        return detail.substring(0, end);
    }
}
