package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * Tandem's transform, compose, apply and range transformation give exactly what ot.js 0.0.15 gives,
 * so an ot.js client and the server agree on every operation (PROTOCOL.md, "Transformation").
 *
 * <p>The cases are ot.js's own output, written by {@code src/test/js/otjs-cases/generate.js} with a
 * seeded PRNG (its README says how to regenerate them). They are ASCII only: ot.js does not guard
 * surrogate pairs; Tandem's own property tests cover those.
 */
class OtJsAgreementTest {

    private static final String CASES = "otjs-cases.tsv.gz";

    /** One line of the file: {@code doc a b a' b' apply(doc,a) c compose(a,c) range range'}. */
    private record Case(int line, String doc, TextOperation a, TextOperation b, List<Object> aPrime,
                        List<Object> bPrime, String afterA, TextOperation c, List<Object> composed,
                        Range range, Range movedRange) {
    }

    @Test
    void transformComposeApplyAndRangesAgreeWithOtJs() throws IOException {
        List<Case> cases = readCases();
        List<String> disagreements = new ArrayList<>();

        for (Case k : cases) {
            TextOperation.Pair primes = TextOperation.transform(k.a(), k.b());
            compare(disagreements, k, "transform a'", k.aPrime(), primes.aPrime().toWire());
            compare(disagreements, k, "transform b'", k.bPrime(), primes.bPrime().toWire());
            compare(disagreements, k, "compose(a, c)", k.composed(), k.a().compose(k.c()).toWire());
            compare(disagreements, k, "apply(doc, a)", k.afterA(), k.a().apply(k.doc()));
            compare(disagreements, k, "range through b", k.movedRange(), k.range().transform(k.b()));
        }

        assertThat(cases).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(disagreements.size()).as("disagreements with ot.js, the first ones: %s",
                String.join("\n", disagreements.subList(0, Math.min(20, disagreements.size())))).isZero();
    }

    private static void compare(List<String> disagreements, Case k, String what, Object otJs, Object tandem) {
        if (!otJs.equals(tandem)) {
            disagreements.add("line " + k.line() + " " + what + " on \"" + k.doc() + "\" with a=" + k.a()
                    + " b=" + k.b() + " c=" + k.c() + ": ot.js " + otJs + ", Tandem " + tandem);
        }
    }

    private static List<Case> readCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream raw = OtJsAgreementTest.class.getResourceAsStream(CASES)) {
            assertThat(raw).as("test resource " + CASES).isNotNull();
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertThat(header).startsWith("# ot.js 0.0.15 ");
            int declared = Integer.parseInt(header.replaceAll(".*cases=(\\d+).*", "$1"));
            String line;
            while ((line = reader.readLine()) != null) {
                cases.add(parse(cases.size() + 2, line.split("\t", -1)));
            }
            assertThat(cases).as("cases in the file, per its header").hasSize(declared);
        }
        return cases;
    }

    private static Case parse(int line, String[] f) {
        assertThat(f).as("fields on line %d", line).hasSize(10);
        return new Case(line, f[0], operation(f[1]), operation(f[2]), components(f[3]), components(f[4]),
                f[5], operation(f[6]), components(f[7]), range(f[8]), range(f[9]));
    }

    private static TextOperation operation(String json) {
        WireResult read = TextOperation.fromWire(components(json));
        assertThat(read).as(json).isInstanceOf(WireResult.Valid.class);
        return ((WireResult.Valid) read).operation();
    }

    /**
     * Reads the JSON array of an operation. The generator writes inserts of letters and spaces
     * only, so a component never holds a comma, quote or escape and splitting suffices.
     */
    private static List<Object> components(String json) {
        assertThat(json).startsWith("[").endsWith("]");
        List<Object> components = new ArrayList<>();
        String body = json.substring(1, json.length() - 1);
        if (body.isEmpty()) {
            return components;
        }
        for (String component : body.split(",", -1)) {
            if (component.startsWith("\"")) {
                assertThat(component).endsWith("\"").matches("\"[a-z ]+\"");
                components.add(component.substring(1, component.length() - 1));
            } else {
                components.add(Integer.parseInt(component));
            }
        }
        return components;
    }

    private static Range range(String anchorComma) {
        String[] ends = anchorComma.split(",");
        return new Range(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    }
}
