package dev.tandem.document;

/** A document at its head revision. */
public record DocumentState(String id, long rev, String text) {
}
