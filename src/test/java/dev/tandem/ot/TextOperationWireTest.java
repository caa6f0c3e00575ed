package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PROTOCOL.md's rules for the wire form ({@code fromWire}) and for fitting a document ({@code misfit}). */
class TextOperationWireTest {

    private static WireResult read(Object... components) {
        return TextOperation.fromWire(Arrays.asList(components));
    }

    private static String reason(Object... components) {
        WireResult result = read(components);
        assertThat(result).isInstanceOf(WireResult.Invalid.class);
        return ((WireResult.Invalid) result).reason();
    }

    private static TextOperation valid(Object... components) {
        WireResult result = read(components);
        assertThat(result).isInstanceOf(WireResult.Valid.class);
        return ((WireResult.Valid) result).operation();
    }

    @Test
    void readsTheProtocolExample() {
        assertThat(valid(1, "a", -2, 2).toWire()).containsExactly(1, "a", -2, 2);
        assertThat(valid()).isEqualTo(TextOperation.empty());
    }

    @Test
    void acceptsEveryIntegralNumberType() {
        TextOperation op = valid(1L, (short) 2, (byte) -1, BigInteger.ONE, new BigDecimal("2.000"), 3.0, -1.0f);

        assertThat(op.toWire()).containsExactly(3, -1, 6, -1);
    }

    @Test
    void toleratesZeroAndEmptyStringAndMergesNeighbours() {
        assertThat(valid(0, 1, "", 2, "a", 0, "b", -0.0).toWire()).containsExactly(3, "ab");
        assertThat(valid(0, "")).isEqualTo(TextOperation.empty());
    }

    @Test
    void writesTheNormalForm() {
        assertThat(valid(-2, "x", 1).toWire()).containsExactly("x", -2, 1);
    }

    @Test
    void rejectsAMissingOperation() {
        assertThat(TextOperation.fromWire(null)).isEqualTo(new WireResult.Invalid("operation is missing"));
    }

    @Test
    void rejectsNumbersWithAFraction() {
        assertThat(reason(1, 1.5)).isEqualTo("component 1 is not an integer: 1.5");
        assertThat(reason(new BigDecimal("2.5"))).isEqualTo("component 0 is not an integer: 2.5");
        assertThat(reason(Double.NaN)).contains("component 0 is not an integer");
        assertThat(reason(Double.POSITIVE_INFINITY)).contains("component 0 is not an integer");
    }

    @Test
    void rejectsMagnitudesFromTwoToThe31() {
        assertThat(valid(Integer.MAX_VALUE).baseLength()).isEqualTo(Integer.MAX_VALUE);
        assertThat(valid(-(long) Integer.MAX_VALUE).baseLength()).isEqualTo(Integer.MAX_VALUE);

        assertThat(reason(1L << 31)).isEqualTo("component 0 is out of range (|n| must be below 2^31): 2147483648");
        assertThat(reason(Integer.MIN_VALUE)).contains("out of range").contains("-2147483648");
        assertThat(reason(1, 1e12)).contains("component 1 is out of range");
        assertThat(reason(BigInteger.TWO.pow(80))).contains("out of range");
        assertThat(reason(new BigDecimal("-1e30"))).contains("out of range");
    }

    @Test
    void rejectsTheMostNegativeLongInsteadOfReadingItAsZero() {
        assertThat(reason(1, Long.MIN_VALUE)).contains("component 1 is out of range").contains("-9223372036854775808");
    }

    /**
     * A JSON reader may hand over {@code 1e100000000} as a BigDecimal: expanding it to an integer
     * took over three minutes, and {@code 1e-30000000} most of one, for an eleven-byte component.
     */
    @Test
    void judgesHugeAndTinyDecimalsWithoutExpandingThem() {
        String[] reasons = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new String[] {
            reason(new BigDecimal("1e100000000")), reason(new BigDecimal("-1e999999999")),
            reason(new BigDecimal("1e-30000000")), reason(new BigDecimal("9223372036854775808.5"))});

        assertThat(reasons[0]).isEqualTo("component 0 is out of range (|n| must be below 2^31): 1E+100000000");
        assertThat(reasons[1]).isEqualTo("component 0 is out of range (|n| must be below 2^31): -1E+999999999");
        assertThat(reasons[2]).isEqualTo("component 0 is not an integer: 1E-30000000");
        assertThat(reasons[3]).contains("out of range");
        assertThat(valid(new BigDecimal("3E+1"), new BigDecimal("-2.0")).toWire()).containsExactly(30, -2);
    }

    @Test
    void rejectsOperationsSpanningMoreThanAnInt() {
        assertThat(reason(Integer.MAX_VALUE, 1)).isEqualTo("operation spans more than 2^31-1 units");
        assertThat(reason(Integer.MAX_VALUE, -1)).isEqualTo("operation spans more than 2^31-1 units");
    }

    @Test
    void rejectsComponentsOfOtherKinds() {
        assertThat(reason(1, null)).isEqualTo("component 1 is neither an integer nor a string: null");
        assertThat(reason(true)).isEqualTo("component 0 is neither an integer nor a string: Boolean");
        assertThat(reason(Map.of("retain", 1))).startsWith("component 0 is neither an integer nor a string: ");
        assertThat(reason(List.of(1))).startsWith("component 0 is neither an integer nor a string: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "\uDE00", "a\uDE00\uD83D", "ab\uD83D"})
    void rejectsInsertsWithAnUnpairedSurrogate(String text) {
        assertThat(reason(1, text)).startsWith("insert holds an unpaired surrogate (U+D");
    }

    @Test
    void namesTheUnpairedSurrogateAndWhereItIs() {
        assertThat(reason("ab\uD83D", 1))
                .isEqualTo("insert holds an unpaired surrogate (U+D83D at index 2 of the inserted text)");
    }

    @Test
    void acceptsTwoInsertsThatTogetherFormAPair() {
        TextOperation op = valid(1, "a\uD83D", "\uDE00", 1);

        assertThat(op.toWire()).containsExactly(1, "a😀", 1);
        assertThat(op.apply("xy")).isEqualTo("xa😀y");
    }

    /** The normal form moves an insert before an adjacent delete, so inserts around a delete merge first. */
    @Test
    void acceptsHalvesOfAPairSeparatedOnlyByADelete() {
        TextOperation op = valid("\uD83D", -1, "\uDE00");

        assertThat(op.toWire()).containsExactly("😀", -1);
    }

    @Test
    void rejectsHalvesOfAPairSeparatedByARetain() {
        assertThat(reason("\uD83D", 1, "\uDE00")).startsWith("insert holds an unpaired surrogate");
    }

    @Test
    void readsWhatItWrites() {
        TextOperation op = TextOperation.builder().retain(3).insert("😀中").delete(4).retain(1).build();
        List<Object> wire = new ArrayList<>(op.toWire());

        assertThat(wire).containsExactly(3, "😀中", -4, 1);
        assertThat(read(wire.toArray())).isEqualTo(new WireResult.Valid(op));
    }

    @Test
    void fitsATextOfItsBaseLength() {
        assertThat(valid(1, "a", -2, 2).misfit("hello")).isNull();
        assertThat(valid(2, "😀", -2).misfit("ab😁")).isNull();
        assertThat(TextOperation.empty().misfit("")).isNull();
    }

    @Test
    void misfitNamesBothLengthsWhenTheOperationIsTooLong() {
        assertThat(valid(41).misfit("x".repeat(40)))
                .isEqualTo("retain past end of document (length 40, op spans 41)");
    }

    @Test
    void misfitNamesBothLengthsWhenTheOperationIsTooShort() {
        assertThat(valid(3, "a").misfit("hello"))
                .isEqualTo("operation ends before end of document (length 5, op spans 3)");
    }

    @Test
    void misfitNamesThePositionWhereAnOperationCutsAPair() {
        String doc = "a😀b";  // the pair is at positions 1 and 2

        assertThat(valid(2, "x", 2).misfit(doc)).isEqualTo("operation cuts a surrogate pair at position 2");
        assertThat(valid(2, -2).misfit(doc)).isEqualTo("operation cuts a surrogate pair at position 2");
        assertThat(valid(-2, 2).misfit(doc)).isEqualTo("operation cuts a surrogate pair at position 2");
        assertThat(valid(1, -1, 2).misfit(doc)).isEqualTo("operation cuts a surrogate pair at position 2");
        assertThat(valid(1, -2, 1).misfit(doc)).isNull();
        assertThat(valid(3, "x", 1).misfit(doc)).isNull();
    }
}
