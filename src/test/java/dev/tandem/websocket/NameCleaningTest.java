package dev.tandem.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names are shown to others and stored with each operation: nothing unprintable gets through. */
class NameCleaningTest {

    private final ClientMessageDecoder decoder = new ClientMessageDecoder(1 << 20);

    private String nameOf(String json) {
        return ((ClientMessage.Hello) decoder.decode(json)).name();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreDropped() {
        assertThat(nameOf("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"A\\u0000n\\na\\u007f\\u0085\\t\",\"rev\":null}"))
                .isEqualTo("Ana");
        assertThat(nameOf("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"Bo\\ud83d\",\"rev\":null}")).isEqualTo("Bo");
        assertThat(nameOf("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"Cy \\ud83d\\ude00\",\"rev\":null}")).isEqualTo("Cy 😀");
    }

    @Test
    void aNameOfNothingButControlsIsNoName() {
        assertThat(nameOf("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"\\u0000\\u0001 \",\"rev\":null}")).isNull();
    }

    @Test
    void htmlIsKeptAsTextForTheEditorToEscape() {
        // escaping belongs where the name is displayed (the editor sets it as text, never as HTML)
        assertThat(nameOf("{\"type\":\"hello\",\"src\":\"k3J9xQ2p\",\"name\":\"<b>x</b>\",\"rev\":null}")).isEqualTo("<b>x</b>");
    }
}
