package dev.tandem.websocket;

import dev.tandem.document.User;
import dev.tandem.ot.Range;
import dev.tandem.store.StoredOperation;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * What the server sends (PROTOCOL.md), shaped for JSON-B: each record is one message, its
 * {@code type()} the {@code type} field, {@code null} components left out. Property order
 * is fixed so that frames read the way PROTOCOL.md writes them.
 */
public sealed interface ServerMessage {

    /** PROTOCOL.md's {@code type}: a component of each record, so that every JSON-B writes it. */
    String type();

    /**
     * {@code maxMessageBytes}: the largest message the server takes, so that a client can split a
     * larger edit under it (additive: a version 1 client ignores it); {@code null} leaves it out.
     * {@code features}: what the server grants of what the hello asked for; left out (null) when
     * nothing was asked.
     */
    @JsonbPropertyOrder({"type", "doc", "client", "mode", "rev", "head", "maxMessageBytes", "text", "users", "features"})
    record Welcome(String type, String doc, String client, String mode, long rev, long head, Integer maxMessageBytes, String text,
                   List<UserView> users, List<String> features) implements ServerMessage {
        Welcome(String doc, String client, String mode, long rev, long head, Integer maxMessageBytes, String text, List<UserView> users) {
            this("welcome", doc, client, mode, rev, head, maxMessageBytes, text, users, null);
        }

        Welcome(String doc, String client, String mode, long rev, long head, String text, List<UserView> users) {
            this(doc, client, mode, rev, head, null, text, users);
        }

        Welcome withFeatures(List<String> granted) {
            return new Welcome(type, doc, client, mode, rev, head, maxMessageBytes, text, users, granted);
        }
    }

    /**
     * A comment thread changed: {@code thread} as {@code GET …/threads} lists it, its anchor at
     * {@code rev} (the revision this connection has been sent up to), or {@code deleted} with its
     * {@code id}. Only to connections whose hello asked for {@code "comments"}.
     */
    @JsonbPropertyOrder({"type", "rev", "id", "deleted", "thread"})
    record Thread(String type, long rev, String id, Boolean deleted, ThreadView thread) implements ServerMessage {
        static Thread of(dev.tandem.document.ThreadEvent event) {
            return event.thread() == null
                    ? new Thread("thread", event.rev(), event.id(), true, null)
                    : new Thread("thread", event.rev(), event.id(), null, ThreadView.of(event.thread()));
        }
    }

    @JsonbPropertyOrder({"type", "seq", "rev"})
    record Ack(String type, long seq, long rev) implements ServerMessage {
        Ack(long seq, long rev) {
            this("ack", seq, rev);
        }
    }

    /** Someone else's operation (or, in a catch-up, any operation) applying to revision {@code rev}. */
    @JsonbPropertyOrder({"type", "rev", "op", "client", "src", "seq"})
    record Op(String type, long rev, List<Object> op, String client, String src, long seq) implements ServerMessage {
        Op(long rev, List<Object> op, String client, String src, long seq) {
            this("op", rev, op, client, src, seq);
        }

        static Op of(StoredOperation applied) {
            return new Op(applied.rev(), applied.operation().toWire(), applied.client(), applied.src(), applied.seq());
        }
    }

    @JsonbPropertyOrder({"type", "client", "rev", "ranges"})
    record Select(String type, String client, long rev, List<RangeView> ranges) implements ServerMessage {
        Select(String client, long rev, List<RangeView> ranges) {
            this("select", client, rev, ranges);
        }
    }

    @JsonbPropertyOrder({"type", "user"})
    record Join(String type, UserView user) implements ServerMessage {
        Join(UserView user) {
            this("join", user);
        }
    }

    @JsonbPropertyOrder({"type", "client"})
    record Leave(String type, String client) implements ServerMessage {
        Leave(String client) {
            this("leave", client);
        }
    }

    record Pong(String type) implements ServerMessage {
        Pong() {
            this("pong");
        }
    }

    /** {@code seq} is set when the error is about an operation, {@code null} otherwise. */
    @JsonbPropertyOrder({"type", "code", "message", "seq"})
    record Error(String type, String code, String message, Long seq) implements ServerMessage {
        Error(String code, String message, Long seq) {
            this("error", code, message, seq);
        }
    }

    /**
     * A message already turned into its JSON text, sent as it is. The same operation goes to
     * every other connection of a document as the same text, so it is encoded once per document
     * ({@link OpFrames}) rather than once per receiver.
     */
    record Encoded(String type, String json) implements ServerMessage {
    }

    /** Several messages leaving in one frame, as a JSON array, to be handled in order. */
    record Batch(List<ServerMessage> messages) {
    }

    /** A user in {@code welcome} and {@code join}. */
    @JsonbPropertyOrder({"client", "name", "color", "rev", "ranges"})
    record UserView(String client, String name, String color, long rev, List<RangeView> ranges) {
        static UserView of(User user) {
            return new UserView(user.client(), user.name(), user.color(), user.rev(), RangeView.of(user.ranges()));
        }
    }

    @JsonbPropertyOrder({"anchor", "head"})
    record RangeView(int anchor, int head) {
        static List<RangeView> of(List<Range> ranges) {
            return ranges.stream().map(r -> new RangeView(r.anchor(), r.head())).toList();
        }
    }
}
