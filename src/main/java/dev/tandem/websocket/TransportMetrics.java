package dev.tandem.websocket;

/**
 * What the WebSocket transport reports for monitoring ({@code /metrics}). Implemented by the web
 * application's metrics; {@link #NONE} when they are off.
 *
 * <p>Threading: called from container threads and from documents' lanes, concurrently; every
 * method must be cheap and must not block (several are called once per message queued).
 */
public interface TransportMetrics {

    /** A WebSocket connection was opened. */
    void opened();

    /** A connection that {@link #opened} was closed, by either side. */
    void closed();

    /**
     * The server answered or closed a connection for {@code failure}: {@code code} is PROTOCOL.md's
     * error code, or for a close without one the failure's name ({@code slow-reader}, {@code idle}…).
     */
    void failed(String code);

    /** An {@code op} message was refused with PROTOCOL.md's error {@code code}; nothing was applied. */
    void rejected(String code);

    /** The server closed a connection with {@code closeCode} (RFC 6455 §7.4.1), for any reason. */
    void closedByServer(int closeCode);

    /** An operation was acknowledged {@code nanos} after its message was received. */
    void acknowledged(long nanos);

    /**
     * The estimated bytes waiting in outbound queues changed by {@code delta}: positive when a
     * message is queued, negative when messages leave for the container or are dropped.
     */
    void queued(long delta);

    TransportMetrics NONE = new TransportMetrics() {
        @Override
        public void opened() {
        }

        @Override
        public void closed() {
        }

        @Override
        public void failed(String code) {
        }

        @Override
        public void rejected(String code) {
        }

        @Override
        public void closedByServer(int closeCode) {
        }

        @Override
        public void acknowledged(long nanos) {
        }

        @Override
        public void queued(long delta) {
        }
    };
}
