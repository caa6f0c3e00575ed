/**
 * The WebSocket transport of PROTOCOL.md: the {@code @ServerEndpoint} {@link
 * dev.tandem.websocket.DocumentEndpoint}, the JSON-B encoders and decoder of its messages, the
 * handshake rules (origin, document id) and the per-connection outbound queue.
 *
 * <p>A thin adapter over {@link dev.tandem.document.DocumentService}: one endpoint instance per
 * connection, the service handed over by {@link dev.tandem.websocket.EndpointConfigurator}; its
 * only static state is that hand-over and two caches of encoded frames shared by the receivers
 * of one operation or selection. Depends on {@code document}, {@code access}, {@code store} (the
 * operations and threads it encodes), {@code ot}, the typed configuration, and the Jakarta
 * WebSocket, Servlet and JSON-B APIs; never on {@code web} ({@code PackageLayersTest}).
 */
package dev.tandem.websocket;
