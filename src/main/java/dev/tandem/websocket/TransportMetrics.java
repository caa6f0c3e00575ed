package dev.tandem.websocket;

/**
 * What the WebSocket transport reports for monitoring ({@code /metrics}). Implemented by the web
 * application's metrics; {@link #NONE} when they are off. Every method does nothing by default, so
 * that an implementation names only what it counts.
 *
 * <p>Threading: called from container threads and from documents' lanes, concurrently; every
 * method must be cheap and must not block (several are called once per message queued).
 */
public interface TransportMetrics {

    /** A WebSocket connection was opened. */
    default void opened() {
    }

    /** A connection that {@link #opened} was closed, by either side. */
    default void closed() {
    }

    /**
     * The server answered or closed a connection for {@code failure}: {@code code} is PROTOCOL.md's
     * error code, or for a close without one the failure's name ({@code slow-reader}, {@code idle}…).
     */
    default void failed(String code) {
    }

    /** An {@code op} message was refused with PROTOCOL.md's error {@code code}; nothing was applied. */
    default void rejected(String code) {
    }

    /** The server closed a connection with {@code closeCode} (RFC 6455 §7.4.1), for any reason. */
    default void closedByServer(int closeCode) {
    }

    /** An operation was acknowledged {@code nanos} after its message was received. */
    default void acknowledged(long nanos) {
    }

    /**
     * The estimated bytes waiting in outbound queues changed by {@code delta}: positive when a
     * message is queued, negative when messages leave for the container or are dropped.
     */
    default void queued(long delta) {
    }

    /** Reports nowhere. */
    TransportMetrics NONE = new TransportMetrics() {
    };
}
