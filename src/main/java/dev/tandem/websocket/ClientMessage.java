package dev.tandem.websocket;

import dev.tandem.ot.Range;
import dev.tandem.ot.WireResult;
import java.util.List;

/** What a client sends (PROTOCOL.md), as {@link ClientMessageDecoder} reads it. */
public sealed interface ClientMessage {

    /**
     * {@code {"type":"hello","src":…,"name":…,"rev":…,"features":[…]}}; {@code rev} is {@code null}
     * on a first connection; {@code features} are the additions to version 1 the client asks for
     * (unknown ones are ignored; none when absent).
     */
    record Hello(String src, String name, Long rev, List<String> features) implements ClientMessage {
        Hello(String src, String name, Long rev) {
            this(src, name, rev, List.of());
        }

        /** Whether the client asked for comment threads (PROTOCOL.md, "Comments"). */
        boolean wantsComments() {
            return features.contains("comments");
        }
    }

    /**
     * {@code {"type":"op","rev":…,"seq":…,"op":[…]}}. The components are read already: an
     * operation that is an array but not a valid one is an {@code invalid-op} carrying this
     * {@code seq}, not a {@code bad-message}.
     */
    record Op(long rev, long seq, WireResult operation) implements ClientMessage {
    }

    /** {@code {"type":"select","rev":…,"ranges":[{"anchor":…,"head":…}]}}. */
    record Select(long rev, List<Range> ranges) implements ClientMessage {
    }

    /** {@code {"type":"ping"}}, for browsers, which cannot send WebSocket pings. */
    record Ping() implements ClientMessage {
    }

    /**
     * A message over the configured maximum size. Tomcat refuses such a frame itself (1009)
     * before decoding; Tyrus (GlassFish) does not apply the session's buffer size, so the
     * decoder checks too.
     */
    record TooLarge(long bytes, int limit) implements ClientMessage {
    }

    /** Anything that is not one of the above: PROTOCOL.md's {@code bad-message}, with why. */
    record Malformed(String reason) implements ClientMessage {
    }
}
