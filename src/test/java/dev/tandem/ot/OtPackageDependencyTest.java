package dev.tandem.ot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * STYLE.md rule 1: the OT core ({@code dev.tandem.ot} and below, main sources) depends on
 * {@code java.*} only, so it can be proven on its own and reused by any transport or client.
 *
 * <p>A plain scan of the sources rather than ArchUnit, to keep the test classpath small: it reads
 * every import, and every fully qualified name written in code (comments and string literals are
 * blanked first), and accepts only {@code java.*} and the package's own {@code dev.tandem.ot}.
 */
class OtPackageDependencyTest {

    private static final Path OT_SOURCES = Path.of("src", "main", "java", "dev", "tandem", "ot");

    /** Comments and literals, blanked before looking for names; matched left to right so "//" in a string is no comment. */
    private static final Pattern COMMENT_OR_LITERAL = Pattern.compile(
            "\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    /** A dotted name starting with a lower-case package root, e.g. {@code jakarta.json.Json} or {@code java.util.List}. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jakarta|org|com|net|io|sun|jdk|dev)\\.[a-z_]\\w*(?:\\.\\w+)*)");

    @Test
    void otCoreDependsOnJavaOnly() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(OT_SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).as("sources under " + OT_SOURCES.toAbsolutePath())
                .extracting(p -> p.getFileName().toString()).contains("TextOperation.java", "package-info.java");

        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            violations.addAll(foreignReferences(source.toString(), Files.readString(source, StandardCharsets.UTF_8)));
        }

        assertThat(violations).as("references outside java.* in the OT core").isEmpty();
    }

    @Test
    void scanFindsForeignImportsAndQualifiedNamesButNotCommentsOrStrings() {
        String source = """
                package dev.tandem.ot;

                import java.util.List;
                import static java.lang.Math.max;
                import jakarta.json.Json;
                import static org.junit.Assert.*;

                /** See {@link jakarta.websocket.Session}; // not code */
                class Sample {
                    // javax.swing.JButton in a comment is no dependency
                    String url = "http://org.example/com.acme";
                    java.math.BigInteger fine;
                    dev.tandem.ot.Range alsoFine;
                    com.google.common.base.Preconditions guava;
                    Object store = dev.tandem.store.Revisions.class;
                }
                """;

        assertThat(foreignReferences("Sample.java", source)).containsExactly(
                "Sample.java: import jakarta.json.Json",
                "Sample.java: import org.junit.Assert.*",
                "Sample.java: com.google.common.base.Preconditions",
                "Sample.java: dev.tandem.store.Revisions.class");
    }

    private static List<String> foreignReferences(String file, String source) {
        String code = COMMENT_OR_LITERAL.matcher(source).replaceAll(m -> blank(m.group()));
        List<String> found = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            if (!imports.group(1).startsWith("java.")) {
                found.add(file + ": import " + imports.group(1));
            }
        }
        String body = IMPORT.matcher(code).replaceAll("").replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
        Matcher names = QUALIFIED_NAME.matcher(body);
        while (names.find()) {
            String name = names.group(1);
            if (!name.startsWith("java.") && !name.startsWith("dev.tandem.ot.") && !name.equals("dev.tandem.ot")) {
                found.add(file + ": " + name);
            }
        }
        return found;
    }

    /** Keeps line breaks, so nothing after a blanked comment moves to another line. */
    private static String blank(String text) {
        return Matcher.quoteReplacement(text.replaceAll("[^\\n]", " "));
    }
}
