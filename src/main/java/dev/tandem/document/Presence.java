package dev.tandem.document;

import dev.tandem.ot.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in a document and where their selections are: short client ids, colours, and each
 * connection's ranges at the revision they refer to. Ranges are stored at the durable head of the
 * moment they arrive and moved forward only when they must be (a welcome lists them, or the
 * operations they would need leave memory): receivers transform them through later revisions.
 *
 * <p>Threading: confined to the document's lane.
 */
final class Presence {

    /** Material 800 shades: each has at least 3:1 contrast on white, and they are far apart in hue. */
    static final List<String> PALETTE = List.of(
            "#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#e65100", "#00838f",
            "#ad1457", "#283593", "#827717", "#00695c", "#4527a0", "#4e342e");

    private static final class Seat {
        final Session session;
        long rev;
        List<Range> ranges = List.of();

        Seat(Session session, long rev) {
            this.session = session;
            this.rev = rev;
        }
    }

    private final Map<Session, Seat> seats = new LinkedHashMap<>();
    /**
     * The seated sessions as an immutable list, rebuilt when one joins or leaves: every commit
     * walks it (and may unseat a session while it does), joins and leaves are rare.
     */
    private List<Session> sessions = List.of();
    private long clients;

    /** Gives a joining session its client id (unique in the document while it is loaded) and a colour. */
    void seat(Session session, long head) {
        session.client = "c" + ++clients;
        session.color = leastUsedColour();
        seats.put(session, new Seat(session, head));
        sessions = List.copyOf(seats.keySet());
    }

    void unseat(Session session) {
        if (seats.remove(session) != null) {
            sessions = List.copyOf(seats.keySet());
        }
    }

    /** The sessions of the document, in the order they joined. */
    List<Session> sessions() {
        return sessions;
    }

    boolean isEmpty() {
        return seats.isEmpty();
    }

    /**
     * Records {@code session}'s ranges given at {@code rev}: clamped to the document at that
     * revision and transformed to {@code head}.
     *
     * @return the ranges at {@code head}
     */
    List<Range> select(Session session, long rev, List<Range> ranges, long head, RecentLog log, int headLength) {
        // presence is best effort: a selection older than memory is taken as if made at its oldest revision
        long at = Math.max(rev, log.start());
        int length = log.lengthAt(at, headLength);
        List<Range> placed = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            placed.add(range.clamp(length));
        }
        Seat seat = seats.get(session);
        seat.rev = at;
        seat.ranges = List.copyOf(placed);
        moveForward(seat, head, log);
        return seat.ranges;
    }

    /** The welcomed users other than {@code except}, with their ranges at {@code head}. */
    List<User> users(Session except, long head, RecentLog log) {
        List<User> users = new ArrayList<>(seats.size());
        for (Seat seat : seats.values()) {
            // a session still waiting for its welcome is announced with a join once it has it
            if (seat.session != except && seat.session.welcomed) {
                moveForward(seat, head, log);
                users.add(new User(seat.session.client, seat.session.name, seat.session.color, seat.rev, seat.ranges));
            }
        }
        return users;
    }

    /** Called before {@code log} forgets the revisions below {@code newStart}: moves older ranges past them. */
    void beforeForgetting(long newStart, RecentLog log) {
        for (Seat seat : seats.values()) {
            if (seat.rev < newStart) {
                moveForward(seat, newStart, log);
            }
        }
    }

    private static void moveForward(Seat seat, long to, RecentLog log) {
        if (seat.rev >= to) {
            return;
        }
        List<Range> ranges = seat.ranges;
        for (long r = Math.max(seat.rev, log.start()); r < to; r++) {
            List<Range> next = new ArrayList<>(ranges.size());
            for (Range range : ranges) {
                next.add(range.transform(log.get(r).operation()));
            }
            ranges = next;
        }
        seat.rev = to;
        seat.ranges = List.copyOf(ranges);
    }

    private String leastUsedColour() {
        int[] uses = new int[PALETTE.size()];
        for (Seat seat : seats.values()) {
            int i = PALETTE.indexOf(seat.session.color);
            if (i >= 0) {
                uses[i]++;
            }
        }
        int best = 0;
        for (int i = 1; i < uses.length; i++) {
            if (uses[i] < uses[best]) {
                best = i;
            }
        }
        return PALETTE.get(best);
    }
}
