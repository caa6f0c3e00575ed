package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Examples of the algebra: normal form, lengths, apply, compose, transform, invert, positions. */
class TextOperationTest {

    private static TextOperation wire(Object... components) {
        return ((WireResult.Valid) TextOperation.fromWire(List.of(components))).operation();
    }

    @Test
    void builderDropsEmptyComponents() {
        TextOperation op = TextOperation.builder().retain(0).insert("").delete(0).retain(2).build();

        assertThat(op.toWire()).containsExactly(2);
        assertThat(TextOperation.builder().retain(0).build()).isSameAs(TextOperation.empty());
    }

    @Test
    void builderMergesNeighboursOfOneKind() {
        TextOperation op = TextOperation.builder()
                .retain(1).retain(2).insert("a").insert("b").delete(1).delete(3).retain(1).build();

        assertThat(op.toWire()).containsExactly(3, "ab", -4, 1);
    }

    @Test
    void builderPutsAnInsertBeforeAnAdjacentDelete() {
        assertThat(TextOperation.builder().delete(2).insert("x").build().toWire()).containsExactly("x", -2);
        assertThat(TextOperation.builder().insert("a").delete(2).insert("b").build().toWire())
                .containsExactly("ab", -2);
        assertThat(TextOperation.builder().retain(1).delete(2).insert("x").delete(1).retain(1).build().toWire())
                .containsExactly(1, "x", -3, 1);
    }

    @Test
    void builderRejectsNegativeLengths() {
        assertThatThrownBy(() -> TextOperation.builder().retain(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextOperation.builder().delete(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRejectsOperationsLongerThanAnInt() {
        TextOperation.Builder builder = TextOperation.builder().retain(Integer.MAX_VALUE);

        assertThatThrownBy(() -> builder.retain(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthsCountRetainedDeletedAndInsertedUnits() {
        TextOperation op = wire(1, "a😀", -2, 2);

        assertThat(op.baseLength()).isEqualTo(5);
        assertThat(op.targetLength()).isEqualTo(6);
        assertThat(op.size()).isEqualTo(4);
        assertThat(op.length(1)).isEqualTo(3);
        assertThat(op.length(2)).isEqualTo(2);
        assertThat(op.isRetain(0) && op.isInsert(1) && op.isDelete(2) && op.isRetain(3)).isTrue();
        assertThat(op.insertedText(1)).isEqualTo("a😀");
    }

    @Test
    void onlyRetainsAreNoops() {
        assertThat(TextOperation.empty().isNoop()).isTrue();
        assertThat(TextOperation.identity(7).isNoop()).isTrue();
        assertThat(TextOperation.identity(0)).isEqualTo(TextOperation.empty());
        assertThat(wire("a").isNoop()).isFalse();
        assertThat(wire(-1).isNoop()).isFalse();
        assertThat(wire(1, "a", 1).isNoop()).isFalse();
    }

    @Test
    void applyFollowsTheProtocolExample() {
        assertThat(wire(1, "a", -2, 2).apply("hello")).isEqualTo("halo");
        assertThat(TextOperation.empty().apply("")).isEmpty();
        assertThat(wire("😀", 2, -2).apply("ab😁")).isEqualTo("😀ab");
    }

    @Test
    void applyRefusesATextOfAnotherLength() {
        assertThatThrownBy(() -> wire(1, "a", -2, 2).apply("hell"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base length 5").hasMessageContaining("length 4");
    }

    @Test
    void composeChainsTwoEdits() {
        TextOperation first = wire(1, "a", -2, 2);   // hello -> halo
        TextOperation second = wire(2, -1, "!", 1);  // halo  -> ha!o

        TextOperation composed = first.compose(second);

        assertThat(composed.toWire()).containsExactly(1, "a!", -3, 1);
        assertThat(composed.apply("hello")).isEqualTo("ha!o");
    }

    @Test
    void composeRefusesMismatchedLengths() {
        assertThatThrownBy(() -> wire(1, "a").compose(wire(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 != second base length 1");
    }

    @Test
    void transformPutsTheFirstOperationsInsertFirst() {
        TextOperation a = wire(1, "A", 1);
        TextOperation b = wire(1, "B", 1);

        TextOperation.Pair primes = TextOperation.transform(a, b);

        assertThat(primes.aPrime().toWire()).containsExactly(1, "A", 2);
        assertThat(primes.bPrime().toWire()).containsExactly(2, "B", 1);
        assertThat(primes.bPrime().apply(a.apply("xy"))).isEqualTo("xABy");
        assertThat(primes.aPrime().apply(b.apply("xy"))).isEqualTo("xABy");
    }

    @Test
    void transformDropsWhatBothDeleted() {
        TextOperation.Pair primes = TextOperation.transform(wire(-3, 1), wire(1, -3));

        assertThat(primes.aPrime().toWire()).containsExactly(-1);
        assertThat(primes.bPrime().toWire()).containsExactly(-1);
    }

    @Test
    void transformRefusesOperationsOnDifferentTexts() {
        assertThatThrownBy(() -> TextOperation.transform(wire(2), wire(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2 and 3)");
    }

    @Test
    void invertTurnsInsertsIntoDeletesAndBack() {
        TextOperation inverse = wire(1, "a", -2, 2).invert("hello");

        assertThat(inverse.toWire()).containsExactly(1, "el", -1, 2);
        assertThat(inverse.apply("halo")).isEqualTo("hello");
    }

    @Test
    void insertAtAPositionPushesItBehindTheInsertedText() {
        TextOperation op = wire(2, "xyz", 3);

        assertThat(op.transformPosition(1)).isEqualTo(1);
        assertThat(op.transformPosition(2)).isEqualTo(5);
        assertThat(op.transformPosition(5)).isEqualTo(8);
    }

    @Test
    void deletedPositionMovesToTheStartOfTheDeletion() {
        TextOperation op = wire(1, -3, 2);

        assertThat(op.transformPosition(1)).isEqualTo(1);
        assertThat(op.transformPosition(3)).isEqualTo(1);
        assertThat(op.transformPosition(4)).isEqualTo(1);
        assertThat(op.transformPosition(6)).isEqualTo(3);
    }

    @Test
    void rangeMovesBothEndsAndClampsToADocument() {
        TextOperation op = wire("ab", 4);

        assertThat(new Range(1, 3).transform(op)).isEqualTo(new Range(3, 5));
        assertThat(Range.cursor(0).transform(op)).isEqualTo(Range.cursor(2));
        Range unmoved = new Range(0, 0);
        assertThat(unmoved.transform(wire(1, "a"))).isSameAs(unmoved);
        assertThat(new Range(-2, 9).clamp(4)).isEqualTo(new Range(0, 4));
    }

    @Test
    void operationsWithTheSameComponentsAreEqual() {
        TextOperation built = TextOperation.builder().retain(1).insert("a").delete(2).retain(2).build();
        TextOperation read = wire(1, "a", -2, 2);

        assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
        assertThat(built).isNotEqualTo(wire(1, "b", -2, 2)).isNotEqualTo(wire(1, "a", -1, 3)).isNotEqualTo("[1,\"a\",-2,2]");
    }

    @Test
    void toStringIsTheJsonWireForm() {
        assertThat(wire(1, "a", -2, 2)).hasToString("[1,\"a\",-2,2]");
        assertThat(TextOperation.empty()).hasToString("[]");
        assertThat(wire("q\"\\\n\t\u0001😀")).hasToString("[\"q\\\"\\\\\\n\\t\\u0001😀\"]");
        assertThat(TextOperation.builder().insert("\uD83D").build()).hasToString("[\"\\ud83d\"]");
    }
}
