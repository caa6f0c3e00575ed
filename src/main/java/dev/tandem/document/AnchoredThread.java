package dev.tandem.document;

import dev.tandem.ot.Anchor;
import dev.tandem.store.CommentThread;

/** A thread with its anchor moved to revision {@code rev} (the head when listed). */
public record AnchoredThread(CommentThread thread, long rev, Anchor anchor) {
}
