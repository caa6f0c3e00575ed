package dev.tandem.web;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Reading the small JSON object bodies of the sign-in routes. */
final class JsonBodies {

    /** Bodies of the sign-in routes are a few fields: anything larger is refused. */
    static final int MAX_BYTES = 16 * 1024;

    private JsonBodies() {
    }

    /** A malformed body: answered 400 {@code bad-request} with this message. */
    static final class BadBody extends Exception {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }

    /** The body as a JSON object. */
    static Map<?, ?> object(HttpServletRequest request) throws IOException, BadBody {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new BadBody("the body is over " + MAX_BYTES + " bytes");
        }
        Object json;
        try {
            json = HttpJson.read(body);
        } catch (JsonbException e) {
            throw new BadBody("the body is not JSON");
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new BadBody("the body is not a JSON object");
        }
        return object;
    }

    /** A string field that must be there. */
    static String text(Map<?, ?> object, String name) throws BadBody {
        Object value = object.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadBody("\"" + name + "\" must be a non-empty string");
        }
        return text;
    }
}
