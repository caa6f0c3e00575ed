package dev.tandem.load;

import dev.tandem.ot.TextOperation;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Turns the server's frames into messages for every author of a crowd, parsing each distinct
 * message text once: the server sends the same {@code op} (and {@code select}) text to every
 * other author of a document, so with N authors the generator would otherwise parse every
 * operation N − 1 times, and at a thousand authors the parsing alone outweighs the server.
 *
 * <p>Honest by construction: a message is taken from the table only when its text is equal,
 * character for character, to the text that was parsed, and parsing is a function of the text.
 * Every author still receives every frame, splits it, and applies every operation itself
 * ({@link Author#handle}); what is shared is the immutable result of reading the same JSON.
 *
 * <p>Threading: any thread; entries are immutable and published through the atomic array, and a
 * collision or a race only costs a parse.
 */
final class Inbox {

    /** Recent texts: far more than the operations in flight between the first and the last receiver. */
    private static final int SLOTS = 1 << 16;
    private static final String OP_PREFIX = "{\"type\":\"op\",\"rev\":";

    /**
     * One message as read from its JSON. For an {@code op} message its fields are read out once
     * ({@code rev}, {@code seq}, {@code src}, the operation); for the others they are 0 and null.
     */
    record Message(String json, JsonObject object, Type type, long rev, long seq, AtomicLongArray sentTimes,
                   TextOperation operation) {
        static Message read(String json, Run run) {
            JsonObject object = Wire.object(json);
            Type type = Type.of(object.getString("type"));
            if (type != Type.OP) {
                return new Message(json, object, type, 0, 0, null, null);
            }
            return new Message(json, object, type, object.getJsonNumber("rev").longValueExact(),
                    object.getJsonNumber("seq").longValueExact(), run.sentTimes(object.getString("src")),
                    Wire.operation(object.getJsonArray("op")));
        }
    }

    /** The {@code type}s an author acts on; the others (select, join, leave, pong) leave its text alone. */
    enum Type {
        WELCOME, ACK, OP, ERROR, OTHER;

        static Type of(String type) {
            return switch (type) {
                case "welcome" -> WELCOME;
                case "ack" -> ACK;
                case "op" -> OP;
                case "error" -> ERROR;
                default -> OTHER;
            };
        }
    }

    private final AtomicReferenceArray<Message> recent = new AtomicReferenceArray<>(SLOTS);
    private final Run run;

    Inbox(Run run) {
        this.run = run;
    }

    /** The messages of one frame, in order: an object, or an array of them (a server batch). */
    List<Message> messages(String frame) {
        int start = skipSpace(frame, 0);
        if (start < frame.length() && frame.charAt(start) == '[') {
            List<Message> messages = new ArrayList<>();
            int at = skipSpace(frame, start + 1);
            if (at < frame.length() && frame.charAt(at) == ']') {
                return messages;
            }
            while (true) {
                int end = endOfValue(frame, at);
                messages.add(message(frame, at, end));
                at = skipSpace(frame, end);
                if (at >= frame.length()) {
                    throw new IllegalStateException("unterminated array in a frame of " + frame.length() + " characters");
                }
                char next = frame.charAt(at);
                if (next == ']') {
                    return messages;
                }
                if (next != ',') {
                    throw new IllegalStateException("'" + next + "' between the messages of a batch, at " + at);
                }
                at = skipSpace(frame, at + 1);
            }
        }
        return List.of(message(frame, start, frame.length()));
    }

    private Message message(String frame, int start, int end) {
        // the slot: an op message's revision (PROTOCOL.md's server writes "type" then "rev"), so that
        // the operations in flight never share one; else the text's hash. Equality of the whole
        // text decides either way (String.equals is vectorised, where regionMatches compared 3 ns
        // a character), so a wrong guess only costs a parse.
        String json = frame.substring(start, end);
        int slot = json.startsWith(OP_PREFIX) ? revisionSlot(json) : spread(json.hashCode());
        Message known = recent.get(slot);
        if (known != null && known.json().equals(json)) {
            return known;
        }
        Message parsed = Message.read(json, run);
        recent.set(slot, parsed);
        return parsed;
    }

    private static int revisionSlot(String json) {
        long rev = 0;
        for (int i = OP_PREFIX.length(); i < json.length() && Character.isDigit(json.charAt(i)); i++) {
            rev = 10 * rev + (json.charAt(i) - '0');
        }
        return (int) (rev & (SLOTS - 1));
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The end of the JSON object or array starting at {@code start}: brackets counted outside strings. */
    private static int endOfValue(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        throw new IllegalStateException("unterminated message at " + start + " in a frame of " + text.length() + " characters");
    }
}
