package dev.tandem.store;

import java.time.Instant;

/** What the document list shows: id, head revision, length in UTF-16 units, last change. */
public record DocumentSummary(String id, long rev, int length, Instant updated) {
}
