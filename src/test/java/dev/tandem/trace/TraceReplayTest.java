package dev.tandem.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ot.DocumentText;
import dev.tandem.ot.TextOperation;
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
        List<Path> files = EditingTrace.files(directory);
        // the repository carries its traces: a clone without them is broken, not a reason to skip
        assertThat(files).as("editing traces in " + directory.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(6);
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
