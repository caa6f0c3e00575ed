package dev.tandem.load;

import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PROTOCOL.md's messages as the load generator writes and reads them (Parsson, the JSON-P that Yasson brings). */
final class Wire {

    /** Looked up once: {@code Json.createReader} and friends search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Wire() {
    }

    /** Built once: Parsson's {@code createReader} builds its configuration on every call, which cost more than the parse. */
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    /** One message's JSON object. */
    static JsonObject object(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static TextOperation operation(JsonArray components) {
        List<Object> wire = new ArrayList<>(components.size());
        for (JsonValue component : components) {
            wire.add(component instanceof JsonString s ? s.getString() : ((JsonNumber) component).longValueExact());
        }
        WireResult result = TextOperation.fromWire(wire);
        if (result instanceof WireResult.Valid valid) {
            return valid.operation();
        }
        throw new IllegalStateException("the server sent an invalid operation: " + result);
    }

    static String hello(String src, String name) {
        return "{\"type\":\"hello\",\"src\":\"" + src + "\",\"name\":\"" + name + "\",\"rev\":null}";
    }

    static String op(long rev, long seq, TextOperation operation) {
        StringWriter out = new StringWriter(32);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject().write("type", "op").write("rev", rev).write("seq", seq).writeStartArray("op");
            for (Object component : operation.toWire()) {
                if (component instanceof String text) {
                    json.write(text);
                } else {
                    json.write(((Number) component).longValue());
                }
            }
            json.writeEnd().writeEnd();
        }
        return out.toString();
    }

    static String select(long rev, int anchor, int head) {
        return "{\"type\":\"select\",\"rev\":" + rev + ",\"ranges\":[{\"anchor\":" + anchor + ",\"head\":" + head + "}]}";
    }

    static String ping() {
        return "{\"type\":\"ping\"}";
    }
}
