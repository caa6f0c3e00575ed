package dev.tandem.store;

import java.time.Instant;

/**
 * A name given to one revision of a document ("Sent to the board"). The revision's text is the
 * log's; a name only points at it.
 *
 * @param rev     the named revision (0 to the head when named)
 * @param name    what its author called it
 * @param author  the display name of whoever named it, or {@code null}
 * @param created when it was named (kept to the microsecond, like every time in the store)
 */
public record NamedVersion(long rev, String name, String author, Instant created) {
}
