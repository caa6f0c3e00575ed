package dev.tandem.websocket;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

/**
 * Several server messages as one JSON array frame (PROTOCOL.md: "the server batches what it
 * sends to a busy client this way"). Stateless; safe for concurrent use.
 */
public final class BatchEncoder implements Encoder.Text<ServerMessage.Batch> {

    @Override
    public String encode(ServerMessage.Batch batch) throws EncodeException {
        try {
            return MessageJson.jsonb().toJson(batch.messages());
        } catch (RuntimeException e) {
            throw new EncodeException(batch, "cannot encode a batch of " + batch.messages().size() + " messages", e);
        }
    }
}
