package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentTextTest {

    private static final String GRINNING = "\uD83D\uDE00"; // U+1F600, one surrogate pair

    @Test
    void startsEmptyOrWithTheGivenText() {
        assertThat(new DocumentText().toString()).isEmpty();
        assertThat(new DocumentText("hello")).hasToString("hello");
        assertThat(new DocumentText("hello").length()).isEqualTo(5);
    }

    @Test
    void appliesTheProtocolExample() {
        DocumentText text = new DocumentText("hello");
        text.apply(TextOperation.builder().retain(1).insert("a").delete(2).retain(2).build());
        assertThat(text).hasToString("halo");
    }

    @Test
    void typingForwardThenBackwardKeepsEveryKeystroke() {
        DocumentText text = new DocumentText("[]");
        String expected = "[]";
        for (int i = 0; i < 300; i++) {
            int at = i < 150 ? 1 + i : 1;
            String typed = Character.toString('a' + i % 26);
            text.apply(TextOperation.builder().retain(at).insert(typed).retain(expected.length() - at).build());
            expected = expected.substring(0, at) + typed + expected.substring(at);
        }
        assertThat(text).hasToString(expected);
    }

    @Test
    void deletesAcrossTheGapFromBothSides() {
        DocumentText text = new DocumentText("0123456789");
        text.apply(TextOperation.builder().retain(5).insert("x").retain(5).build()); // gap after x
        text.apply(TextOperation.builder().retain(2).delete(6).retain(3).build());   // "234x56" spans it
        assertThat(text).hasToString("01789");
        text.apply(TextOperation.builder().delete(5).build());
        assertThat(text.toString()).isEmpty();
        assertThat(text.length()).isZero();
    }

    @Test
    void growsForInsertsLongerThanTheGap() {
        DocumentText text = new DocumentText("ab");
        String big = "x".repeat(100_000);
        text.apply(TextOperation.builder().retain(1).insert(big).retain(1).build());
        assertThat(text.length()).isEqualTo(100_002);
        assertThat(text.charAt(0)).isEqualTo('a');
        assertThat(text.charAt(100_001)).isEqualTo('b');
        assertThat(text.subSequence(99_999, 100_002)).isEqualTo("xxb");
    }

    @Test
    void appliesSeveralComponentsInOneOperation() {
        DocumentText text = new DocumentText("one two three");
        TextOperation operation = TextOperation.builder()
                .insert(">").retain(4).delete(3).insert("2").retain(1).delete(5).insert(GRINNING).build();
        text.apply(operation);
        assertThat(text).hasToString(operation.apply("one two three"));
    }

    @Test
    void charAtAndSubSequenceReadAcrossTheGap() {
        DocumentText text = new DocumentText("abcdef");
        text.apply(TextOperation.builder().retain(3).insert("XY").retain(3).build()); // gap after Y
        text.apply(TextOperation.builder().retain(2).insert("-").retain(6).build()); // gap after '-'
        assertThat(text).hasToString("ab-cXYdef");
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            read.append(text.charAt(i));
        }
        assertThat(read).hasToString("ab-cXYdef");
        assertThat(text.subSequence(1, 8)).isEqualTo("b-cXYde");
        assertThat(text.subSequence(3, 3)).isEmpty();
    }

    @Test
    void readingOutsideTheTextNamesTheLength() {
        DocumentText text = new DocumentText("abc");
        assertThatThrownBy(() -> text.charAt(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("length 3");
        assertThatThrownBy(() -> text.subSequence(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> text.charAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesAnOperationOfAnotherBaseLengthAndStaysUnchanged() {
        DocumentText text = new DocumentText("hello");
        TextOperation tooLong = TextOperation.builder().retain(6).insert("!").build();
        assertThat(text.misfit(tooLong)).isEqualTo("retain past end of document (length 5, op spans 6)");
        assertThatThrownBy(() -> text.apply(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retain past end of document (length 5, op spans 6)");
        assertThat(text).hasToString("hello");
    }

    @Test
    void refusesAnOperationThatCutsASurrogatePair() {
        DocumentText text = new DocumentText("a" + GRINNING + "b");
        TextOperation cut = TextOperation.builder().retain(2).insert("x").retain(2).build();
        assertThat(text.misfit(cut)).isEqualTo("operation cuts a surrogate pair at position 2");
        assertThatThrownBy(() -> text.apply(cut)).isInstanceOf(IllegalArgumentException.class);
        TextOperation halfDelete = TextOperation.builder().retain(1).delete(1).retain(2).build();
        assertThatThrownBy(() -> text.apply(halfDelete)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate pair");
        assertThat(text).hasToString("a" + GRINNING + "b");
    }

    @Test
    void refusesAnInsertWithAnUnpairedSurrogate() {
        DocumentText text = new DocumentText("ab");
        TextOperation lone = TextOperation.builder().retain(1).insert("\uD83D").retain(1).build();
        assertThat(text.misfit(lone)).contains("unpaired surrogate");
        assertThatThrownBy(() -> text.apply(lone)).isInstanceOf(IllegalArgumentException.class);
        assertThat(text).hasToString("ab");
        assertThatThrownBy(() -> new DocumentText("x\uDE00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsAPairWhoseHalvesAreInsertedByOneMergedInsert() {
        DocumentText text = new DocumentText("ab");
        TextOperation pair = TextOperation.builder().retain(1).insert("\uD83D").insert("\uDE00").retain(1).build();
        assertThat(text.misfit(pair)).isNull();
        text.apply(pair);
        assertThat(text).hasToString("a" + GRINNING + "b");
    }

    @Test
    void snapshotDoesNotChangeWithLaterOperations() {
        DocumentText text = new DocumentText("abc");
        String snapshot = text.toString();
        text.apply(TextOperation.builder().delete(3).build());
        assertThat(snapshot).isEqualTo("abc");
    }
}
