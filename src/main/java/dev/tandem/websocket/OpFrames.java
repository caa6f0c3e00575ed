package dev.tandem.websocket;

import dev.tandem.store.StoredOperation;
import java.lang.ref.WeakReference;
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
 * <p>The table holds both weakly: a frame is shared while some outbox still holds it and the
 * operation while its document keeps it, and the table itself keeps no text alive (4,096 pastes
 * of 1 MiB would otherwise stay in memory until overwritten).
 *
 * <p>Threading: any thread; entries are immutable and published through the atomic array.
 * The table is bounded ({@link #SLOTS} entries) and holds no connection.
 */
final class OpFrames {

    /** More than a commit's largest batch (1,000 by default), so one batch's revisions do not collide. */
    static final int SLOTS = 4096;

    private record Entry(WeakReference<StoredOperation> operation, WeakReference<ServerMessage.Encoded> frame) {
    }

    private static final AtomicReferenceArray<Entry> RECENT = new AtomicReferenceArray<>(SLOTS);

    private OpFrames() {
    }

    /** {@code applied} as an {@code op} message, encoded at most once while it stays in the table. */
    static ServerMessage.Encoded of(StoredOperation applied) {
        int slot = (int) (applied.rev() & (SLOTS - 1));
        Entry entry = RECENT.get(slot);
        if (entry != null && entry.operation().get() == applied) {
            ServerMessage.Encoded shared = entry.frame().get();
            if (shared != null) {
                return shared;
            }
        }
        ServerMessage.Encoded frame = new ServerMessage.Encoded("op", ServerMessageEncoder.json(ServerMessage.Op.of(applied)));
        RECENT.set(slot, new Entry(new WeakReference<>(applied), new WeakReference<>(frame)));
        return frame;
    }
}
