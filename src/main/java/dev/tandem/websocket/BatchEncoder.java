package dev.tandem.websocket;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

/**
 * Several server messages as one JSON array frame (PROTOCOL.md: "the server batches what it
 * sends to a busy client this way"). Each element is written as {@link ServerMessageEncoder}
 * writes it alone, so that pre-encoded operations go in as they are. Stateless; safe for
 * concurrent use.
 */
public final class BatchEncoder implements Encoder.Text<ServerMessage.Batch> {

    @Override
    public String encode(ServerMessage.Batch batch) throws EncodeException {
        try {
            StringBuilder frame = new StringBuilder(64 * batch.messages().size()).append('[');
            for (ServerMessage message : batch.messages()) {
                if (frame.length() > 1) {
                    frame.append(',');
                }
                frame.append(ServerMessageEncoder.json(message));
            }
            return frame.append(']').toString();
        } catch (RuntimeException e) {
            throw new EncodeException(batch, "cannot encode a batch of " + batch.messages().size() + " messages", e);
        }
    }
}
