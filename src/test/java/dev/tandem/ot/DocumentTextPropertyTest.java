package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DocumentText} agrees with {@link TextOperation#apply(String)}: after any sequence of
 * operations, {@code document.toString().equals(S.apply(a1)…apply(an))}, and both refuse the same
 * operations. Texts mix ASCII, a BMP letter and emoji (surrogate pairs). jqwik prints the seed of
 * a failing run; it is replayed from {@code .jqwik-database}.
 */
class DocumentTextPropertyTest {

    /** One component to build, in code points so it never cuts a pair by accident: 0 retains, 1 deletes, 2 inserts. */
    record Step(int kind, int count, String text) {
    }

    @Property(tries = 300)
    void agreesWithStringApplyOverOperationSequences(
            @ForAll("texts") String start, @ForAll("scripts") List<List<Step>> script) {
        DocumentText document = new DocumentText(start);
        String expected = start;
        for (List<Step> steps : script) {
            TextOperation operation = build(expected, steps);
            assertThat(document.misfit(operation)).isNull();
            long bytesAfter = operation.apply(expected).getBytes(StandardCharsets.UTF_8).length;
            assertThat(document.staysWithin(operation, bytesAfter)).isTrue();
            assertThat(document.staysWithin(operation, bytesAfter - 1)).isFalse();
            document.apply(operation);
            expected = operation.apply(expected);
            assertThat(document.length()).isEqualTo(expected.length());
            assertThat(document.utf8Length()).isEqualTo(bytesAfter);
        }
        assertThat(document).hasToString(expected);
        assertThat(Unicode.unpairedSurrogateIndex(document)).isEqualTo(-1);
        for (int i = 0; i < expected.length(); i++) {
            assertThat(document.charAt(i)).isEqualTo(expected.charAt(i));
        }
    }

    @Property(tries = 300)
    void refusesExactlyWhatTextOperationMisfitRefuses(
            @ForAll("texts") String start, @ForAll("scripts") List<List<Step>> script,
            @ForAll("unitSteps") List<Integer> rawOperation) {
        DocumentText document = new DocumentText(start);
        String expected = start;
        for (List<Step> steps : script) {
            TextOperation operation = build(expected, steps);
            document.apply(operation);
            expected = operation.apply(expected);
        }
        // counted in UTF-16 units, so it may cut a pair or miss the length
        TextOperation.Builder raw = TextOperation.builder();
        for (int n : rawOperation) {
            if (n > 0) {
                raw.retain(n);
            } else {
                raw.delete(-n);
            }
        }
        TextOperation operation = raw.build();
        assertThat(document.misfit(operation)).isEqualTo(operation.misfit(expected));
        if (operation.misfit(expected) == null) {
            document.apply(operation);
            assertThat(document).hasToString(operation.apply(expected));
        }
    }

    /** Builds {@code steps} as an operation on {@code text}, then retains the rest. */
    private static TextOperation build(String text, List<Step> steps) {
        TextOperation.Builder builder = TextOperation.builder();
        int position = 0;
        for (Step step : steps) {
            if (step.kind() == 2) {
                builder.insert(step.text());
                continue;
            }
            int end = position;
            for (int k = 0; k < step.count() && end < text.length(); k++) {
                end += Character.charCount(text.codePointAt(end));
            }
            if (step.kind() == 0) {
                builder.retain(end - position);
            } else {
                builder.delete(end - position);
            }
            position = end;
        }
        return builder.retain(text.length() - position).build();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "b", "\n", "é", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD")
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<List<Step>>> scripts() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 12),
                texts().filter(text -> !text.isEmpty())).as(Step::new);
        return step.list().ofMaxSize(6).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Integer>> unitSteps() {
        return Arbitraries.integers().between(-20, 20).list().ofMaxSize(6);
    }
}
