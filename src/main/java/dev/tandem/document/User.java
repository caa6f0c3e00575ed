package dev.tandem.document;

import dev.tandem.ot.Range;
import java.util.List;

/** Another connection of a document as presence shows it: ranges are at revision {@code rev}. */
public record User(String client, String name, String color, long rev, List<Range> ranges) {
}
