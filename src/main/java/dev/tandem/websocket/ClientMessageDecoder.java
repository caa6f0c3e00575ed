package dev.tandem.websocket;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.Decoder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a client's text frame into a {@link ClientMessage}. Never throws: whatever is not a
 * well-formed message becomes {@link ClientMessage.Malformed}, which the endpoint answers with
 * {@code bad-message}, so that no decoding failure reaches the container (which would close the
 * connection). Unknown fields are ignored (PROTOCOL.md: forward compatibility).
 *
 * <p>JSON-B reads the frame into plain maps and lists, numbers as {@link BigDecimal}; the kinds
 * are checked here so that each complaint names the field and what was wrong with it.
 */
public final class ClientMessageDecoder implements Decoder.Text<ClientMessage> {

    static final Pattern SRC = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final int NAME_MAX_CODE_POINTS = 64;
    /** The deepest nesting a message may have; PROTOCOL.md's deepest is 3 (a select's ranges). */
    static final int MAX_DEPTH = 16;
    private final int maxBytes;

    /** Each connection's own, made by its endpoint with the configured limit (not registered with the container). */
    ClientMessageDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }

    @Override
    public ClientMessage decode(String text) {
        // a UTF-8 character takes at most 3 bytes per UTF-16 unit: count only when it may matter
        if ((long) text.length() * 3 > maxBytes) {
            long bytes = utf8Length(text);
            if (bytes > maxBytes) {
                return new ClientMessage.TooLarge(bytes, maxBytes);
            }
        }
        if (nestedTooDeep(text)) {
            return new ClientMessage.Malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        Object json;
        try {
            json = MessageJson.jsonb().fromJson(text, Object.class);
        } catch (JsonbException | IllegalArgumentException e) {
            return new ClientMessage.Malformed("not JSON");
        }
        if (!(json instanceof Map<?, ?> message)) {
            return new ClientMessage.Malformed("not a JSON object");
        }
        try {
            return read(message);
        } catch (WrongKind e) {
            return new ClientMessage.Malformed(e.getMessage());
        }
    }

    private static ClientMessage read(Map<?, ?> message) throws WrongKind {
        Object type = message.get("type");
        if (!(type instanceof String name)) {
            throw new WrongKind(type == null ? "field \"type\" is missing" : "field \"type\" is not a string");
        }
        return switch (name) {
            case "hello" -> hello(message);
            case "op" -> new ClientMessage.Op(integer(message, "rev"), integer(message, "seq"),
                    TextOperation.fromWire(array(message, "op")));
            case "select" -> new ClientMessage.Select(integer(message, "rev"), ranges(message));
            case "ping" -> new ClientMessage.Ping();
            default -> throw new WrongKind("unknown type \"" + abbreviate(name) + "\"");
        };
    }

    private static ClientMessage hello(Map<?, ?> message) throws WrongKind {
        Object src = message.get("src");
        if (!(src instanceof String id) || !SRC.matcher(id).matches()) {
            throw new WrongKind("field \"src\" must be 8 to 64 of [A-Za-z0-9_-]");
        }
        Object name = message.get("name");
        if (name != null && !(name instanceof String)) {
            throw new WrongKind("field \"name\" is not a string");
        }
        Long rev = message.get("rev") == null ? null : integer(message, "rev");
        List<String> features = new ArrayList<>();
        if (message.get("features") != null) {
            for (Object feature : array(message, "features")) {
                if (!(feature instanceof String known)) {
                    throw new WrongKind("field \"features\" must be an array of strings");
                }
                features.add(known);
            }
        }
        return new ClientMessage.Hello(id, cut(clean((String) name)), rev, List.copyOf(features));
    }

    private static List<Range> ranges(Map<?, ?> message) throws WrongKind {
        List<?> items = array(message, "ranges");
        List<Range> ranges = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> range)) {
                throw new WrongKind("field \"ranges\" holds something that is not an object");
            }
            // positions outside the document are clamped later; here only the int range matters
            ranges.add(new Range(position(range, "anchor"), position(range, "head")));
        }
        return ranges;
    }

    private static int position(Map<?, ?> range, String field) throws WrongKind {
        long value = integer(range, field);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static long integer(Map<?, ?> message, String field) throws WrongKind {
        Object value = message.get(field);
        if (value == null) {
            throw new WrongKind("field \"" + field + "\" is missing");
        }
        if (value instanceof BigDecimal number) {
            try {
                return number.toBigIntegerExact().longValueExact();
            } catch (ArithmeticException e) {
                throw new WrongKind("field \"" + field + "\" is not an integer (or out of range): " + number);
            }
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new WrongKind("field \"" + field + "\" is not an integer");
    }

    private static List<?> array(Map<?, ?> message, String field) throws WrongKind {
        Object value = message.get(field);
        if (value instanceof List<?> list) {
            return list;
        }
        throw new WrongKind(value == null ? "field \"" + field + "\" is missing" : "field \"" + field + "\" is not an array");
    }

    /**
     * Whether arrays and objects nest deeper than any message needs. Checked before parsing,
     * because JSON-B reads nested values recursively: 100,000 opening brackets (200 KB, under
     * the size limit) overflow its stack, which the container answers by dropping the connection.
     */
    static boolean nestedTooDeep(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The name without control characters (U+0000 to U+001F, U+007F to U+009F: PostgreSQL
     * refuses U+0000, and line breaks or escapes have no place in a label) and without unpaired
     * surrogates (not encodable in UTF-8); {@code null} when nothing is left.
     */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The name cut to 64 characters, never between the two halves of a surrogate pair. */
    static String cut(String name) {
        if (name == null || name.codePointCount(0, name.length()) <= NAME_MAX_CODE_POINTS) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, NAME_MAX_CODE_POINTS));
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    /** A field of the wrong kind; carries the complaint sent back as {@code bad-message}. */
    private static final class WrongKind extends Exception {
        WrongKind(String message) {
            super(message, null, false, false);
        }
    }
}
