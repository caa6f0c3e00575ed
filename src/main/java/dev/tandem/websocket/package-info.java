/**
 * The WebSocket transport of PROTOCOL.md: the {@code @ServerEndpoint} {@link
 * dev.tandem.websocket.DocumentEndpoint}, the JSON-B encoders and decoder of its messages, the
 * handshake rules (origin, document id) and the per-connection outbound queue.
 *
 * <p>A thin adapter over {@link dev.tandem.document.DocumentService}: it holds no shared state
 * of its own (one endpoint instance per connection; the service is handed over by {@link
 * dev.tandem.websocket.EndpointConfigurator}). Depends on {@code document}, {@code ot}, the
 * Jakarta WebSocket, Servlet and JSON-B APIs; never on {@code web}.
 */
package dev.tandem.websocket;
