package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.document.Participant;
import dev.tandem.document.Rejection;
import jakarta.websocket.CloseReason.CloseCodes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The table of PROTOCOL.md's "Errors" and close codes. */
class FailureTest {

    @ParameterizedTest(name = "{0}: code {1}, close {2}")
    @CsvSource(nullValues = "open", value = {
            "BAD_MESSAGE, bad-message, open",
            "INVALID_OP, invalid-op, open",
            "UNKNOWN_REV, unknown-rev, open",
            "NOT_IN_ORDER, not-in-order, open",
            "FORBIDDEN, forbidden, open",
            "REPEATED_BAD_MESSAGES, bad-message, 1008",
            "TOO_LARGE, too-large, 1009",
            "TOO_FAST, , 1008",
            "INVALID_ID, , 1008",
            "SLOW_READER, , 1013",
            "IDLE, , 1000",
            "SHUTDOWN, , 1001",
            "STORE_FAILURE, , 1011",
            "CAPACITY, , 1013",
            "INTERNAL, , 1011"})
    void eachFailureHasItsCodeAndCloseCode(Failure failure, String code, Integer close) {
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.answers()).isEqualTo(code != null);
        assertThat(failure.closes()).isEqualTo(close != null);
        if (close != null) {
            assertThat(failure.closeReason("why").getCloseCode().getCode()).isEqualTo(close);
        } else {
            assertThatThrownBy(() -> failure.closeReason("why")).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Rejection.Code.class)
    void everyRejectionOfTheServiceIsAnErrorThatKeepsTheConnection(Rejection.Code code) {
        Failure failure = Failure.of(code);
        assertThat(failure.code()).isEqualTo(code.wireName());
        assertThat(failure.closes()).isFalse();
        assertThat(failure.error("m", 3L)).isEqualTo(new ServerMessage.Error(code.wireName(), "m", 3L));
    }

    @Test
    void endsOfAParticipationCloseWith1001Or1011Or1013() {
        assertThat(Failure.of(Participant.End.SHUTDOWN).closeReason("").getCloseCode()).isEqualTo(CloseCodes.GOING_AWAY);
        assertThat(Failure.of(Participant.End.FAILURE).closeReason("").getCloseCode()).isEqualTo(CloseCodes.UNEXPECTED_CONDITION);
        assertThat(Failure.of(Participant.End.CAPACITY).closeReason("").getCloseCode()).isEqualTo(CloseCodes.TRY_AGAIN_LATER);
    }

    @Test
    void closeReasonFitsAControlFrameWithoutSplittingACharacter() {
        String reason = Failure.TOO_FAST.closeReason("é😀".repeat(100)).getReasonPhrase();
        assertThat(reason.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(Character.isHighSurrogate(reason.charAt(reason.length() - 1))).isFalse();
    }
}
