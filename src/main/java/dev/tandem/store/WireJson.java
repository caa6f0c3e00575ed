package dev.tandem.store;

import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON forms the JDBC store keeps: an operation as its wire form (what
 * {@link TextOperation#toString()} writes), a snapshot's text as a JSON string. Lives here, not
 * in {@code ot}, because {@code ot} must stay free of JSON.
 *
 * <p>Why a snapshot's text is quoted rather than stored as it is: PostgreSQL's {@code TEXT}
 * cannot hold U+0000, which a document may contain, and both databases should hold the same.
 */
final class WireJson {

    // looking the provider up is a ServiceLoader scan: do it once, not per row
    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    private WireJson() {
    }

    /** The stored form of an operation: its wire form as JSON text. */
    static String writeOperation(TextOperation operation) {
        return operation.toString();
    }

    /**
     * @throws StoreException when the stored text is not a valid operation (a corrupt log is not
     *     an expected outcome); {@code where} names the row in the message
     */
    static TextOperation readOperation(String json, String where) {
        List<Object> components = new ArrayList<>();
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
                throw corrupt(where, "not a JSON array", json);
            }
            while (true) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case VALUE_STRING -> components.add(parser.getString());
                    case VALUE_NUMBER -> components.add(parser.getBigDecimal());
                    case END_ARRAY -> {
                        return toOperation(components, where, json);
                    }
                    default -> throw corrupt(where, "unexpected " + event + " in the component list", json);
                }
            }
        } catch (JsonParsingException | java.util.NoSuchElementException e) {
            throw new StoreException("corrupt operation at " + where + ": not valid JSON (" + e.getMessage() + "): " + excerpt(json), e);
        }
    }

    /**
     * A text as a JSON string literal: quote, backslash, control characters (U+0000 among them)
     * and unpaired surrogates escaped, everything else as it is.
     */
    static String writeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** @throws StoreException when the stored text is not a JSON string ({@code where} names the row) */
    static String readText(String json, String where) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.VALUE_STRING) {
                throw new StoreException("corrupt text at " + where + ": not a JSON string: " + excerpt(json));
            }
            return parser.getString();
        } catch (JsonParsingException | java.util.NoSuchElementException e) {
            throw new StoreException("corrupt text at " + where + ": not valid JSON (" + e.getMessage() + "): " + excerpt(json), e);
        }
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static TextOperation toOperation(List<Object> components, String where, String json) {
        WireResult result = TextOperation.fromWire(components);
        if (result instanceof WireResult.Valid valid) {
            return valid.operation();
        }
        throw corrupt(where, ((WireResult.Invalid) result).reason(), json);
    }

    private static StoreException corrupt(String where, String reason, String json) {
        return new StoreException("corrupt operation at " + where + ": " + reason + ": " + excerpt(json));
    }

    private static String excerpt(String json) {
        return json.length() <= 80 ? json : json.substring(0, 80) + "… (" + json.length() + " chars)";
    }
}
