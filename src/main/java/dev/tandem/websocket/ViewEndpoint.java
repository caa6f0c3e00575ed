package dev.tandem.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * A read-only link's WebSocket, {@code /ws/view/{token}}: the protocol of {@link DocumentEndpoint}
 * in view mode ({@code "mode":"view"} in the welcome, {@code forbidden} for every {@code op}),
 * reached by an unguessable token instead of the document id, which this connection never
 * learns. Delegates every event to a {@link DocumentEndpoint} rather than inheriting from it,
 * because containers differ on annotated methods of superclasses.
 */
@ServerEndpoint(value = "/ws/view/{token}",
        encoders = {ServerMessageEncoder.class, BatchEncoder.class},
        configurator = EndpointConfigurator.class)
public final class ViewEndpoint {

    private final DocumentEndpoint endpoint;

    ViewEndpoint(EndpointContext context) {
        this.endpoint = new DocumentEndpoint(context);
    }

    @OnOpen
    public void open(Session session, @PathParam("token") String token) {
        endpoint.openView(session, token);
    }

    @OnMessage
    public void text(String part, boolean last) {
        endpoint.text(part, last);
    }

    @OnMessage
    public void binary(ByteBuffer part, boolean last) {
        endpoint.binary(part, last);
    }

    @OnMessage
    public void pong(PongMessage pong) {
        endpoint.pong(pong);
    }

    @OnClose
    public void close(CloseReason reason) {
        endpoint.close(reason);
    }

    @OnError
    public void error(Throwable failure) {
        endpoint.error(failure);
    }
}
