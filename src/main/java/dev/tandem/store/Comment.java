package dev.tandem.store;

import java.time.Instant;

/**
 * One comment of a thread: the first or a reply.
 *
 * @param id      drawn by the client (8 to 64 of {@code [A-Za-z0-9_-]}), unique in the document
 * @param thread  the thread's id
 * @param src     the author's editor instance: only it may edit or delete the comment; never shown
 * @param author  the author's display name, or {@code null}
 * @param text    the comment
 * @param created when it was made
 * @param edited  when it was last edited, or {@code null}
 */
public record Comment(String id, String thread, String src, String author, String text, Instant created, Instant edited) {
}
