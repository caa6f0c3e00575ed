package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nesting is judged before parsing: JSON-B recurses, and 100,000 brackets overflowed its stack. */
class DeepNestingTest {

    private final ClientMessageDecoder decoder = new ClientMessageDecoder(1 << 20);

    @Test
    void deepNestingIsABadMessageNotACrash() {
        String deep = "{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(decoder.decode(deep)).isInstanceOf(ClientMessage.Malformed.class);
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String text = "[".repeat(100) + "\\\"" + "{".repeat(100);
        assertThat(decoder.decode("{\"type\":\"op\",\"rev\":0,\"seq\":1,\"op\":[\"" + text + "\"]}"))
                .isInstanceOf(ClientMessage.Op.class);
        assertThat(ClientMessageDecoder.nestedTooDeep("{\"ranges\":[{\"anchor\":1}]}")).isFalse();
    }
}
