package dev.tandem.document;

import java.lang.management.ManagementFactory;

/**
 * What walking a document's sessions costs the lane, as every commit does (fan-out to each
 * session): bytes allocated and ns per walk with 10, 100 and 1,000 sessions. Not a test: run by
 * hand with
 *
 * <pre>mvn -q test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test -Dexec.mainClass=dev.tandem.document.PresenceWalk</pre>
 */
public final class PresenceWalk {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.out.printf("%10s %16s %12s%n", "sessions", "bytes per walk", "ns per walk");
        for (int count : new int[] {10, 100, 1_000}) {
            Presence presence = new Presence();
            for (int i = 0; i < count; i++) {
                presence.seat(new Session(new JoinRequest("src-" + i, null, null, Mode.EDIT), null), 0);
            }
            long sink = 0;
            for (int i = 0; i < 200_000; i++) { // warm-up
                sink += walk(presence);
            }
            int walks = 2_000_000 / count;
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < walks; i++) {
                sink += walk(presence);
            }
            long nanos = System.nanoTime() - start;
            bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes;
            System.out.printf("%10d %16.0f %12.0f   (%d)%n", count, (double) bytes / walks, (double) nanos / walks, sink % 2);
        }
    }

    private static long walk(Presence presence) {
        long seen = 0;
        for (Session session : presence.sessions()) {
            seen += session.src.length();
        }
        return seen;
    }
}
