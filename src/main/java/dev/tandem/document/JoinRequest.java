package dev.tandem.document;

/**
 * A {@code hello}: who joins, and from which revision.
 *
 * @param src  the editor instance's id (8 to 64 of {@code [A-Za-z0-9_-]}), kept across reconnects
 * @param name the display name (already cut to 64 characters), or {@code null}
 * @param rev  {@code null} on a first connection; on a reconnect the revision the client has
 * @param mode whether this connection may edit
 */
public record JoinRequest(String src, String name, Long rev, Mode mode) {
}
