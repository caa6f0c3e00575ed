package dev.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ot.TextOperation;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    @Test
    void operationRoundTripsThroughItsWireForm() {
        TextOperation operation = TextOperation.builder().retain(3).insert("a\"b\\c\n😀").delete(2).retain(4).build();

        String stored = WireJson.writeOperation(operation);

        assertThat(stored).isEqualTo("[3,\"a\\\"b\\\\c\\n😀\",-2,4]");
        assertThat(WireJson.readOperation(stored, "rev 0 of 'notes'")).isEqualTo(operation);
        assertThat(WireJson.readOperation("[]", "rev 0 of 'notes'")).isEqualTo(TextOperation.empty());
    }

    @Test
    void textRoundTripsWithNulControlsAndUnpairedSurrogates() {
        String text = "a\u0000b\u001fc\"d\\e\nf😀g\ud800h\udc00";

        String stored = WireJson.writeText(text);

        assertThat(stored).doesNotContain("\u0000").contains("\\u0000").contains("\\ud800").contains("😀");
        assertThat(WireJson.readText(stored, "snapshot 1 of 'notes'")).isEqualTo(text);
    }

    @Test
    void corruptStoredOperationIsAStoreExceptionNamingTheRow() {
        assertThatThrownBy(() -> WireJson.readOperation("[1,", "rev 7 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("rev 7 of 'notes'").hasMessageContaining("[1,");
        assertThatThrownBy(() -> WireJson.readOperation("{\"a\":1}", "rev 7 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> WireJson.readOperation("[1.5]", "rev 8 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("rev 8 of 'notes'").hasMessageContaining("1.5");
        assertThatThrownBy(() -> WireJson.readOperation("[true]", "rev 9 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("VALUE_TRUE");
    }

    @Test
    void corruptStoredTextIsAStoreExceptionNamingTheRow() {
        assertThatThrownBy(() -> WireJson.readText("plain", "snapshot 3 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("snapshot 3 of 'notes'");
        assertThatThrownBy(() -> WireJson.readText("42", "snapshot 3 of 'notes'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a JSON string");
    }
}
