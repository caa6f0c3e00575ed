package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's shape, checked on the main sources: {@code web → websocket → document → store → ot},
 * with {@code access} (who may do what) beside {@code document} and the root package's typed
 * configuration; no arrow points back up. A plain scan of imports and fully qualified names in
 * code (comments and string literals blanked), as {@code OtPackageDependencyTest} does for the core.
 */
class PackageLayersTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "tandem");
    private static final String ROOT = "(root)";

    /** What each package may use of Tandem's other packages. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "ot", Set.of(),
            "store", Set.of("ot"),
            "document", Set.of("ot", "store"),
            "access", Set.of("ot", "store"),
            ROOT, Set.of("ot", "store"),
            "websocket", Set.of("ot", "store", "document", "access", ROOT),
            "web", Set.of("ot", "store", "document", "access", "websocket", ROOT));

    private static final Pattern COMMENT_OR_LITERAL = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");
    /** {@code dev.tandem.pkg.Name} (a package's class) or {@code dev.tandem.Name} (the root package's). */
    private static final Pattern TANDEM_NAME = Pattern.compile("(?<![\\w.])dev\\.tandem\\.(?:([a-z]\\w*)\\.)?[A-Z]");

    @Test
    void noPackageReachesAboveItsLayer() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Set<String> packages = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            String owner = packageOf(source);
            packages.add(owner);
            violations.addAll(violations(owner, source.toString(), Files.readString(source, StandardCharsets.UTF_8)));
        }
        assertThat(packages).as("every package of the main sources has its layer").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
        assertThat(violations).as("references that point up the layers").isEmpty();
    }

    @Test
    void scanFindsAnUpwardImportAndAFullyQualifiedNameButNotCommentsOrStrings() {
        String source = """
                package dev.tandem.websocket;

                import dev.tandem.document.DocumentService;
                import dev.tandem.web.ApiViews;

                /** {@link dev.tandem.web.HttpJson} in a comment is no dependency */
                class Sample {
                    String text = "dev.tandem.web.Messages";
                    dev.tandem.web.ApiViews.ThreadView view;
                    dev.tandem.Settings settings;
                }
                """;

        assertThat(violations("websocket", "Sample.java", source)).containsExactly(
                "Sample.java (websocket) uses web", "Sample.java (websocket) uses web");
    }

    private static String packageOf(Path source) {
        Path relative = MAIN.relativize(source);
        return relative.getNameCount() == 1 ? ROOT : relative.getName(0).toString();
    }

    private static List<String> violations(String owner, String file, String source) {
        Matcher blank = COMMENT_OR_LITERAL.matcher(source);
        StringBuilder code = new StringBuilder();
        while (blank.find()) {
            blank.appendReplacement(code, " ");
        }
        blank.appendTail(code);
        List<String> found = new ArrayList<>();
        Matcher name = TANDEM_NAME.matcher(code);
        while (name.find()) {
            String used = name.group(1) == null ? ROOT : name.group(1);
            if (!used.equals(owner) && !ALLOWED.getOrDefault(owner, Set.of()).contains(used)) {
                found.add(file + " (" + owner + ") uses " + used);
            }
        }
        return found;
    }
}
