package dev.tandem.websocket;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The one JSON-B instance of the WebSocket messages. A {@link Jsonb} is thread-safe and costly
 * to build (it introspects classes and caches what it learns), so encoders and decoders, which
 * containers create per connection, share this one rather than each building their own.
 */
final class MessageJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private MessageJson() {
    }

    static Jsonb jsonb() {
        return JSONB;
    }
}
