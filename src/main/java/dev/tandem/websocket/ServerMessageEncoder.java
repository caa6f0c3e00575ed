package dev.tandem.websocket;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

/** One server message as one JSON object frame. Stateless; safe for concurrent use. */
public final class ServerMessageEncoder implements Encoder.Text<ServerMessage> {

    @Override
    public String encode(ServerMessage message) throws EncodeException {
        try {
            return json(message);
        } catch (RuntimeException e) {
            // a message the server built itself failed to serialise: a bug, reported as one
            throw new EncodeException(message, "cannot encode " + message.type(), e);
        }
    }

    /** The message's JSON text; an {@link ServerMessage.Encoded} one is its text already. */
    static String json(ServerMessage message) {
        if (message instanceof ServerMessage.Encoded encoded) {
            return encoded.json();
        }
        return MessageJson.jsonb().toJson(message);
    }
}
