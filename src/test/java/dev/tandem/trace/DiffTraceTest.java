package dev.tandem.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.Diff;
import dev.tandem.ot.TextOperation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Diff} over whole real editing sessions, from the start to the end of each trace, with
 * three authors taking turns every 100 edits (so that pieces split where authors meet): its
 * texts are the trace's start and end, its revert takes the end back to the start, and the time
 * it took is printed (a diff's cost is one pass over the pieces per operation).
 */
class DiffTraceTest {

    static Stream<Path> traces() {
        List<Path> files = EditingTrace.files(EditingTrace.directory());
        assertThat(files).as("the editing traces in " + EditingTrace.directory()).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void theDiffOfAWholeSessionRebuildsItsStartAndEnd(Path file) {
        EditingTrace trace = EditingTrace.read(file);
        List<TextOperation> edits = trace.edits();
        String[] authors = {"ana", "bo", "cy"};

        long started = System.nanoTime();
        Diff.Tracker tracker = new Diff.Tracker(trace.startContent());
        for (int i = 0; i < edits.size(); i++) {
            tracker.apply(edits.get(i), authors[(i / 100) % authors.length]);
        }
        Diff diff = tracker.diff();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("diff of %s: %d operations, %d spans, %d ms%n", trace.name(), edits.size(), diff.spans().size(), millis);

        assertThat(diff.oldText()).isEqualTo(trace.startContent());
        assertThat(diff.newText()).isEqualTo(trace.endContent());
        assertThat(diff.revert().apply(trace.endContent())).isEqualTo(trace.startContent());
    }
}
