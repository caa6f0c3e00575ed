package dev.tandem.ot;

/** What {@link TextOperation#fromWire} makes of a component list: an operation or the reason it is not one. */
public sealed interface WireResult {

    /** A well-formed operation in normal form. */
    record Valid(TextOperation operation) implements WireResult {
    }

    /** Malformed input, with a reason that names the rule and the value (PROTOCOL.md's {@code invalid-op}). */
    record Invalid(String reason) implements WireResult {
    }
}
