package dev.tandem.websocket;

import dev.tandem.store.StoredOperation;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each applied operation's {@code op} message, encoded once for all the document's receivers.
 *
 * <p>The document's lane hands the same {@link StoredOperation} object to every participant,
 * one after the other (a commit's batch to the first, then to the next...). This keeps the
 * text of recently encoded operations in a small table indexed by revision and recognises an
 * operation by identity, so a second receiver finds the first one's text; a collision or a
 * race only costs a fresh encoding, never a wrong frame (the entry names its object).
 *
 * <p>Threading: any thread; entries are immutable and published through the atomic array.
 * The table is bounded ({@link #SLOTS} entries of immutable text) and holds no connection.
 */
final class OpFrames {

    /** More than a commit's largest batch (1,000 by default), so one batch's revisions do not collide. */
    static final int SLOTS = 4096;

    private record Entry(StoredOperation operation, ServerMessage.Encoded frame) {
    }

    private static final AtomicReferenceArray<Entry> RECENT = new AtomicReferenceArray<>(SLOTS);

    private OpFrames() {
    }

    /** {@code applied} as an {@code op} message, encoded at most once while it stays in the table. */
    static ServerMessage.Encoded of(StoredOperation applied) {
        int slot = (int) (applied.rev() & (SLOTS - 1));
        Entry entry = RECENT.get(slot);
        if (entry != null && entry.operation() == applied) {
            return entry.frame();
        }
        ServerMessage.Encoded frame = new ServerMessage.Encoded("op", ServerMessageEncoder.json(ServerMessage.Op.of(applied)));
        RECENT.set(slot, new Entry(applied, frame));
        return frame;
    }
}
