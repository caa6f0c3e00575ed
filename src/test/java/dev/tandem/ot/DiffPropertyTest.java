package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.OperationArbitraries.Edit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Diff}'s equations on generated sequences of operations by several authors (one of them
 * anonymous), over texts with surrogate pairs. Authorship is checked against a model that
 * follows every unit on its own: for each unit of the text after, who inserted it (or that it
 * was kept), and for each unit of the text before, who deleted it (or that it was kept).
 */
class DiffPropertyTest {

    /** Operations in turn on {@code doc}, each with its author. */
    record Sequence(String doc, List<TextOperation> operations, List<String> authors) {
    }

    private static final String KEPT = "\u0000kept";
    private static final String ANONYMOUS = "\u0000anonymous";

    @Provide
    Arbitrary<Sequence> sequences() {
        Arbitrary<String> authors = Arbitraries.of("ana", "bo", "cy").injectNull(0.2);
        Arbitrary<List<Edit>> scripts = OperationArbitraries.scripts();
        return Combinators.combine(OperationArbitraries.documents(),
                Combinators.combine(scripts, authors).as(Step::new).list().ofMinSize(0).ofMaxSize(12))
                .as((doc, steps) -> {
                    List<TextOperation> operations = new ArrayList<>();
                    List<String> names = new ArrayList<>();
                    String text = doc;
                    for (Step step : steps) {
                        TextOperation operation = OperationArbitraries.fit(step.script(), text);
                        operations.add(operation);
                        names.add(step.author());
                        text = operation.apply(text);
                    }
                    return new Sequence(doc, operations, names);
                });
    }

    private record Step(List<Edit> script, String author) {
    }

    private static Diff diff(Sequence s) {
        Diff.Tracker tracker = new Diff.Tracker(s.doc());
        for (int i = 0; i < s.operations().size(); i++) {
            tracker.apply(s.operations().get(i), s.authors().get(i));
        }
        return tracker.diff();
    }

    private static String textAfter(Sequence s) {
        String text = s.doc();
        for (TextOperation operation : s.operations()) {
            text = operation.apply(text);
        }
        return text;
    }

    /** {@code operation() == compose(ops)}, so {@code apply(A, operation()) == B}. */
    @Property(tries = 5_000)
    void theDiffsOperationIsTheComposition(@ForAll("sequences") Sequence s) {
        TextOperation composed = TextOperation.identity(s.doc().length());
        for (TextOperation operation : s.operations()) {
            composed = composed.compose(operation);
        }

        Diff diff = diff(s);

        assertThat(diff.operation()).isEqualTo(composed);
        assertThat(diff.operation().apply(s.doc())).isEqualTo(textAfter(s));
    }

    /** {@code revert()} takes the text after back to the text before: it is the inverse of the composition. */
    @Property(tries = 5_000)
    void revertTakesTheTextBack(@ForAll("sequences") Sequence s) {
        Diff diff = diff(s);

        assertThat(diff.revert().apply(textAfter(s))).isEqualTo(s.doc());
        assertThat(diff.revert()).isEqualTo(diff.operation().invert(s.doc()));
    }

    /** Keep and insert spans rebuild the text after; keep and delete spans the text before. */
    @Property(tries = 5_000)
    void spansRebuildBothTexts(@ForAll("sequences") Sequence s) {
        Diff diff = diff(s);

        assertThat(diff.oldText()).isEqualTo(s.doc());
        assertThat(diff.newText()).isEqualTo(textAfter(s));
    }

    /** Every changed unit is in a span of its kind, with the author of the operation that changed it. */
    @Property(tries = 5_000)
    void everyChangedUnitHasTheAuthorOfItsOperation(@ForAll("sequences") Sequence s) {
        UnitModel model = new UnitModel(s.doc());
        for (int i = 0; i < s.operations().size(); i++) {
            model.apply(s.operations().get(i), s.authors().get(i));
        }

        List<String> insertedBy = new ArrayList<>();
        List<String> deletedBy = new ArrayList<>();
        for (Diff.Span span : diff(s).spans()) {
            String who = span.kind() == Diff.Kind.KEEP ? KEPT : Objects.requireNonNullElse(span.author(), ANONYMOUS);
            for (int u = 0; u < span.text().length(); u++) {
                if (span.kind() != Diff.Kind.DELETE) {
                    insertedBy.add(who);
                }
                if (span.kind() != Diff.Kind.INSERT) {
                    deletedBy.add(who);
                }
            }
        }

        assertThat(insertedBy).isEqualTo(model.insertedBy());
        assertThat(deletedBy).isEqualTo(Arrays.asList(model.deletedBy));
    }

    /** No empty span, and neighbours differ in kind or author; keep spans have no author. */
    @Property(tries = 5_000)
    void spansAreInNormalForm(@ForAll("sequences") Sequence s) {
        List<Diff.Span> spans = diff(s).spans();
        for (int i = 0; i < spans.size(); i++) {
            assertThat(spans.get(i).text()).isNotEmpty();
            if (spans.get(i).kind() == Diff.Kind.KEEP) {
                assertThat(spans.get(i).author()).isNull();
            }
            if (i > 0) {
                boolean sameKind = spans.get(i).kind() == spans.get(i - 1).kind();
                boolean sameAuthor = Objects.equals(spans.get(i).author(), spans.get(i - 1).author());
                assertThat(sameKind && sameAuthor).as("spans %d and %d merge", i - 1, i).isFalse();
            }
        }
    }

    /**
     * The obvious model: the current text as a list of units, each remembering the unit of the
     * text before it was (or -1) and who inserted it.
     */
    private static final class UnitModel {
        private record Unit(int original, String insertedBy) {
        }

        private List<Unit> units = new ArrayList<>();
        final String[] deletedBy;

        UnitModel(String text) {
            deletedBy = new String[text.length()];
            Arrays.fill(deletedBy, KEPT);
            for (int i = 0; i < text.length(); i++) {
                units.add(new Unit(i, KEPT));
            }
        }

        void apply(TextOperation operation, String author) {
            String who = Objects.requireNonNullElse(author, ANONYMOUS);
            List<Unit> next = new ArrayList<>();
            int at = 0;
            for (int c = 0; c < operation.size(); c++) {
                if (operation.isInsert(c)) {
                    for (int u = 0; u < operation.length(c); u++) {
                        next.add(new Unit(-1, who));
                    }
                } else if (operation.isRetain(c)) {
                    next.addAll(units.subList(at, at + operation.length(c)));
                    at += operation.length(c);
                } else {
                    for (Unit unit : units.subList(at, at + operation.length(c))) {
                        if (unit.original() >= 0) {
                            deletedBy[unit.original()] = who;
                        }
                    }
                    at += operation.length(c);
                }
            }
            units = next;
        }

        List<String> insertedBy() {
            return units.stream().map(Unit::insertedBy).toList();
        }
    }
}
