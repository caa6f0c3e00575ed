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
 * Reads an operation back from the JSON wire form that {@link TextOperation#toString()} wrote
 * into the log. Lives here, not in {@code ot}, because {@code ot} must stay free of JSON.
 */
final class OperationJson {

    // looking the provider up is a ServiceLoader scan: do it once, not per row
    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    private OperationJson() {
    }

    /** The stored form of an operation: its wire form as JSON text. */
    static String write(TextOperation operation) {
        return operation.toString();
    }

    /**
     * @throws StoreException when the stored text is not a valid operation (a corrupt log is not
     *     an expected outcome); {@code where} names the row in the message
     */
    static TextOperation read(String json, String where) {
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
