package dev.tandem.document;

import java.util.List;

/**
 * The answer to a join (PROTOCOL.md {@code welcome}).
 *
 * @param text the document at {@code head} on a first connection; {@code null} on a reconnect,
 *             where revisions {@code rev} to {@code head - 1} follow as {@link Participant#applied}
 * @param users the other connections of the document
 */
public record Welcome(String doc, String client, Mode mode, long rev, long head, String text, List<User> users) {
}
