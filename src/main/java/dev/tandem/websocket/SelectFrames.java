package dev.tandem.websocket;

import dev.tandem.ot.Range;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each {@code select} message, encoded once for all the document's receivers, as {@link OpFrames}
 * does for operations: the lane passes the same ranges object to every other connection of the
 * document one after the other, so the last one encoded is recognised by identity. Another
 * document's selection in between only costs a fresh encoding, never a wrong frame.
 *
 * <p>Threading: any thread; the entry is immutable.
 */
final class SelectFrames {

    private record Entry(String client, long rev, List<Range> ranges, ServerMessage.Encoded frame) {
    }

    private static final AtomicReference<Entry> LAST = new AtomicReference<>();

    private SelectFrames() {
    }

    static ServerMessage.Encoded of(String client, long rev, List<Range> ranges) {
        Entry last = LAST.get();
        if (last != null && last.ranges() == ranges && last.rev() == rev && last.client().equals(client)) {
            return last.frame();
        }
        ServerMessage.Encoded frame = new ServerMessage.Encoded("select",
                ServerMessageEncoder.json(new ServerMessage.Select(client, rev, ServerMessage.RangeView.of(ranges))));
        LAST.set(new Entry(client, rev, ranges, frame));
        return frame;
    }
}
