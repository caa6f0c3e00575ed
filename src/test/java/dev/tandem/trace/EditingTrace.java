package dev.tandem.trace;

import dev.tandem.ot.TextOperation;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A recorded editing history from {@code src/test/data/editing-traces} (README.md there, with the
 * traces' CC BY 4.0 attribution): the text
 * it starts from, the text it ends with, and every patch as a {@link Splice} in UTF-16 units, so
 * that splicing them in order into {@code startContent} gives {@code endContent}. Shared by the
 * replay test and the benchmarks.
 */
public record EditingTrace(String name, String startContent, String endContent, List<Splice> splices) {

    /** Replace the {@code deleted} units at {@code position} by {@code inserted}, all in UTF-16 units. */
    public record Splice(int position, int deleted, String inserted) {

        /** This splice as an operation on a text of {@code length} units: {@code [retain position, insert, delete, retain rest]}. */
        public TextOperation operation(int length) {
            return TextOperation.splice(length, position, deleted, inserted);
        }
    }

    /**
     * Every splice as a {@link TextOperation}, so that
     * {@code endContent.equals(startContent.apply(edits[0])…apply(edits[n-1]))}.
     */
    public List<TextOperation> edits() {
        List<TextOperation> edits = new ArrayList<>(splices.size());
        int length = startContent.length();
        for (Splice splice : splices) {
            edits.add(splice.operation(length));
            length += splice.inserted().length() - splice.deleted();
        }
        return edits;
    }

    /** Where the traces are: {@code src/test/data/editing-traces} of this repository, or {@code -Dtandem.traces=DIR}. */
    public static Path directory() {
        String configured = System.getProperty("tandem.traces");
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("basedir", "."), "src", "test", "data", "editing-traces").normalize();
    }

    /** Every {@code *.json.gz} in {@code directory}, by file name. */
    public static List<Path> files(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a trace; its name is the file name without {@code .json.gz}. */
    public static EditingTrace read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json\\.gz$", "");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = Json.createParser(in)) {
            return parse(name, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One patch as the file has it: positions and counts in code points, spliced in order. */
    private record Patch(int position, int deleted, String inserted) {
    }

    private static EditingTrace parse(String name, JsonParser parser) {
        String start = null;
        String end = null;
        List<Patch> patches = new ArrayList<>();
        expect(parser, Event.START_OBJECT);
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            switch (key) {
                case "startContent" -> start = string(parser);
                case "endContent" -> end = string(parser);
                case "txns" -> readTransactions(parser, patches);
                default -> skipValue(parser);
            }
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException(name + ": trace lacks startContent or endContent");
        }
        return new EditingTrace(name, start, end, toUtf16(start, patches));
    }

    private static void readTransactions(JsonParser parser, List<Patch> patches) {
        expect(parser, Event.START_ARRAY);
        while (parser.next() == Event.START_OBJECT) {
            for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
                if (!parser.getString().equals("patches")) {
                    skipValue(parser);
                    continue;
                }
                expect(parser, Event.START_ARRAY);
                while (parser.next() == Event.START_ARRAY) {
                    expect(parser, Event.VALUE_NUMBER);
                    int position = parser.getInt();
                    expect(parser, Event.VALUE_NUMBER);
                    int deleted = parser.getInt();
                    String inserted = string(parser);
                    expect(parser, Event.END_ARRAY);
                    patches.add(new Patch(position, deleted, inserted));
                }
            }
        }
    }

    /**
     * Turns code-point patches into UTF-16 splices. Without a supplementary character anywhere
     * the two counts agree; otherwise a mirror of the text converts each position (slow, but no
     * trace here needs it).
     */
    private static List<Splice> toUtf16(String start, List<Patch> patches) {
        boolean bmpOnly = start.codePoints().allMatch(Character::isBmpCodePoint)
                && patches.stream().allMatch(p -> p.inserted().codePoints().allMatch(Character::isBmpCodePoint));
        StringBuilder mirror = bmpOnly ? null : new StringBuilder(start);
        List<Splice> splices = new ArrayList<>(patches.size());
        for (Patch patch : patches) {
            int from = patch.position();
            int to = patch.position() + patch.deleted();
            if (mirror != null) {
                from = mirror.offsetByCodePoints(0, patch.position());
                to = mirror.offsetByCodePoints(from, patch.deleted());
                mirror.replace(from, to, patch.inserted());
            }
            splices.add(new Splice(from, to - from, patch.inserted()));
        }
        return splices;
    }

    private static String string(JsonParser parser) {
        expect(parser, Event.VALUE_STRING);
        return parser.getString();
    }

    private static void expect(JsonParser parser, Event expected) {
        Event event = parser.next();
        if (event != expected) {
            throw new IllegalArgumentException("trace JSON: expected " + expected + " but found " + event
                    + " at " + parser.getLocation());
        }
    }

    private static void skipValue(JsonParser parser) {
        Event event = parser.next();
        if (event == Event.START_ARRAY) {
            parser.skipArray();
        } else if (event == Event.START_OBJECT) {
            parser.skipObject();
        }
    }
}
