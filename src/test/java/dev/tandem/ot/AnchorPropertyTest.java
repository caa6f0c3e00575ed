package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.OperationArbitraries.Edit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Anchor}'s rule, checked against a model that gives every unit an identity: the anchor
 * keeps covering exactly the units it was put on that survive, plus the units typed between two
 * covered ones, and is detached exactly when none is left.
 */
class AnchorPropertyTest {

    record Case(String doc, int from, int to, List<List<Edit>> scripts) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> docs = OperationArbitraries.texts(1, 30);
        return docs.flatMap(doc -> {
            int[] bounds = OperationArbitraries.boundaries(doc);
            Arbitrary<Integer> a = Arbitraries.integers().between(0, bounds.length - 2);
            Arbitrary<Integer> b = Arbitraries.integers().between(1, bounds.length - 1);
            return Combinators.combine(a, b, OperationArbitraries.scripts().list().ofMaxSize(10)).as((x, y, scripts) -> {
                int lo = Math.min(x, y - 1 < x ? x : y - 1);
                int hi = Math.max(lo + 1, y);
                return new Case(doc, bounds[lo], bounds[Math.min(hi, bounds.length - 1)], scripts);
            });
        });
    }

    /** The text as units with identities; the covered set as the anchor's model. */
    private static final class Model {
        final List<Integer> units = new ArrayList<>();
        final Set<Integer> covered = new HashSet<>();
        int nextId;

        Model(String doc, int from, int to) {
            for (int i = 0; i < doc.length(); i++) {
                units.add(nextId);
                if (i >= from && i < to) {
                    covered.add(nextId);
                }
                nextId++;
            }
        }

        void apply(TextOperation operation) {
            List<Integer> next = new ArrayList<>();
            List<Integer> fresh = new ArrayList<>();
            int at = 0;
            for (int c = 0; c < operation.size(); c++) {
                int n = operation.length(c);
                if (operation.isInsert(c)) {
                    for (int u = 0; u < n; u++) {
                        fresh.add(nextId);
                        next.add(nextId++);
                    }
                } else if (operation.isRetain(c)) {
                    next.addAll(units.subList(at, at + n));
                    at += n;
                } else {
                    units.subList(at, at + n).forEach(covered::remove);
                    at += n;
                }
            }
            // an inserted unit is typed inside when its nearest old neighbours on both sides are covered
            Set<Integer> inside = new HashSet<>();
            for (int i = 0; i < next.size(); i++) {
                if (!fresh.contains(next.get(i))) {
                    continue;
                }
                int left = i - 1;
                while (left >= 0 && fresh.contains(next.get(left))) {
                    left--;
                }
                int right = i + 1;
                while (right < next.size() && fresh.contains(next.get(right))) {
                    right++;
                }
                if (left >= 0 && right < next.size() && covered.contains(next.get(left)) && covered.contains(next.get(right))) {
                    inside.add(next.get(i));
                }
            }
            covered.addAll(inside);
            units.clear();
            units.addAll(next);
        }
    }

    @Property(tries = 5_000)
    void anAnchorCoversWhatItWasPutOnPlusWhatWasTypedInside(@ForAll("cases") Case c) {
        Model model = new Model(c.doc(), c.from(), c.to());
        Anchor anchor = Anchor.on(c.from(), c.to());
        String text = c.doc();
        for (List<Edit> script : c.scripts()) {
            TextOperation operation = OperationArbitraries.fit(script, text);
            boolean wasDetached = anchor.detached();
            anchor = anchor.transform(operation);
            model.apply(operation);
            text = operation.apply(text);

            if (model.covered.isEmpty()) {
                assertThat(anchor.detached()).as("nothing left of the anchored text").isTrue();
                assertThat(anchor.from()).isBetween(0, text.length());
                continue;
            }
            assertThat(wasDetached).as("a detached anchor never covers text again").isFalse();
            assertThat(anchor.detached()).isFalse();
            int first = model.units.indexOf(model.covered.stream().min((x, y) -> model.units.indexOf(x) - model.units.indexOf(y)).orElseThrow());
            assertThat(anchor.from()).isEqualTo(first);
            assertThat(anchor.to()).isEqualTo(anchor.from() + model.covered.size());
            for (int i = anchor.from(); i < anchor.to(); i++) {
                assertThat(model.covered).as("unit %d of the anchor", i).contains(model.units.get(i));
            }
        }
    }
}
