package dev.tandem.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.ot.DocumentText;
import dev.tandem.ot.TextOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every recorded editing trace, replayed through {@link DocumentText}, ends with the trace's {@code endContent}. */
class TraceReplayTest {

    @TestFactory
    Stream<DynamicTest> everyTraceEndsWithItsEndContent() {
        Path directory = EditingTrace.directory();
        List<Path> files = Files.isDirectory(directory) ? EditingTrace.files(directory) : List.of();
        if (files.isEmpty()) {
            // a dynamic test, so the skip and its reason show in the report (an aborted factory shows nothing)
            String reason = "no *.json.gz editing trace at " + directory.toAbsolutePath()
                    + " (shared/ sits beside the clone; -Dtandem.traces=DIR points elsewhere): replay skipped";
            return Stream.of(DynamicTest.dynamicTest("editing traces present", () -> assumeTrue(false, reason)));
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            EditingTrace trace = EditingTrace.read(file);
            DocumentText document = new DocumentText(trace.startContent());
            for (TextOperation edit : trace.edits()) {
                document.apply(edit);
            }
            assertThat(document.length()).isEqualTo(trace.endContent().length());
            assertThat(document.toString()).isEqualTo(trace.endContent());
        }));
    }
}
