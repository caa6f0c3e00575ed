package dev.tandem.store;

import java.util.Map;
import java.util.Objects;

/**
 * Who may do what with one document: its owner (the id of a {@link StoredUser}, its creator
 * unless an administrator moved it), its access entries and its link sharing.
 *
 * @param entries each grantee once, with its role; the owner is not among them
 */
public record DocumentAccess(String document, String owner, Map<Grantee, Role> entries, LinkSharing linkSharing) {

    public DocumentAccess {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(linkSharing, "linkSharing");
        entries = Map.copyOf(entries);
    }
}
