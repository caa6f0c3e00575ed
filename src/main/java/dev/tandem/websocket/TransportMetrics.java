package dev.tandem.websocket;

/**
 * What the WebSocket transport reports for monitoring ({@code /metrics}). Implemented by the web
 * application's metrics; {@link #NONE} when they are off.
 *
 * <p>Threading: called from container threads and from documents' lanes, concurrently; every
 * method must be cheap and must not block.
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

    /** An operation was acknowledged {@code nanos} after its message was received. */
    void acknowledged(long nanos);

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
        public void acknowledged(long nanos) {
        }
    };
}
