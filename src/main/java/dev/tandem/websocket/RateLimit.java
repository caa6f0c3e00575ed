package dev.tandem.websocket;

/**
 * A token bucket on the messages of one connection (PROTOCOL.md: "slowed down … closed with
 * 1008"). It refills at {@code perSecond} tokens a second up to a burst of one second's worth;
 * each message takes a token, borrowing when there is none, and the answer says how long the
 * reader must pause so that the borrowed token exists. A client that has needed pausing for
 * longer than {@code patienceNanos} without a break is to be closed.
 *
 * <p>Not thread-safe: used by the one container thread that reads a connection at a time.
 */
final class RateLimit {

    /** {@link #admit}'s answer for a client to close. */
    static final long CLOSE = -1;

    private final double tokensPerNano;
    private final double burst;
    private final long patienceNanos;

    private double tokens;
    private long refilledAt;
    private long throttledSince = -1;

    RateLimit(int perSecond, long patienceNanos, long now) {
        this.tokensPerNano = perSecond / 1e9;
        this.burst = perSecond;
        this.patienceNanos = patienceNanos;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /**
     * Takes a token for a message that arrived at {@code now} ({@link System#nanoTime}).
     *
     * @return 0 to go on at once, a pause in nanoseconds before handling the message, or {@link #CLOSE}
     */
    long admit(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        tokens -= 1;
        if (tokens >= 0) {
            throttledSince = -1;
            return 0;
        }
        if (throttledSince < 0) {
            throttledSince = now;
        } else if (now - throttledSince > patienceNanos) {
            return CLOSE;
        }
        long pause = (long) Math.ceil(-tokens / tokensPerNano);
        // the pause is spent before the next message is read: account for it as elapsed
        return Math.max(1, pause);
    }
}
