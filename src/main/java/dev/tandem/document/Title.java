package dev.tandem.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document is called in a list: its first Markdown heading, else its first line that is
 * not blank, cut to {@link #MAX_CODE_POINTS} characters; its id when the text has neither. The
 * browser's list of its own documents (webapp/src/ui/title.js) follows the same rule, so a
 * document has one name wherever it is listed.
 */
public final class Title {

    /** Characters (code points, so that no surrogate pair is cut) a title keeps. */
    public static final int MAX_CODE_POINTS = 80;

    /** An ATX heading: 1 to 6 {@code #}, a space, the title, optional closing {@code #}s. */
    private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*");

    /** A heading mark with nothing after it: no title, and not a line to be called by either. */
    private static final Pattern EMPTY_HEADING = Pattern.compile("\\s*#{1,6}\\s*");

    private Title() {
    }

    public static String of(String id, String text) {
        String[] lines = text.split("\\R", -1);
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && !heading.group(1).isBlank()) {
                return cut(heading.group(1).strip());
            }
        }
        for (String line : lines) {
            if (!line.isBlank() && !EMPTY_HEADING.matcher(line).matches()) {
                return cut(line.strip());
            }
        }
        return id;
    }

    private static String cut(String title) {
        if (title.codePointCount(0, title.length()) <= MAX_CODE_POINTS) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, MAX_CODE_POINTS));
    }
}
