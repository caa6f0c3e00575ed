package dev.tandem.store;

/** The whole text of a document at revision {@code rev}. */
public record Snapshot(long rev, String text) {
}
