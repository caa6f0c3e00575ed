package dev.tandem.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON answers of the HTTP API through JSON-B, and PROTOCOL.md's error body
 * {@code {"error":code,"message":…}}, the message in the reader's language ({@link Messages}), the
 * code never translated. The {@link Jsonb} is thread-safe and shared: building one
 * per request would redo its class introspection every time.
 */
final class HttpJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private HttpJson() {
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] json = JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** PROTOCOL.md's error {@code code}, with the catalogue's text of {@code key} (see {@link Messages#text}). */
    static void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String key,
            Object... params) throws IOException {
        Messages messages = Messages.of(request);
        response.setHeader("Content-Language", messages.language());
        response.setHeader("Vary", "Accept-Language");
        write(response, status, new Error(code, messages.text(key, params)));
    }

    static Object read(byte[] body) {
        return JSONB.fromJson(new String(body, StandardCharsets.UTF_8), Object.class);
    }

    /** A request body as a JSON object, or {@code null} after answering 400 ({@code bad-request}). */
    static Map<?, ?> object(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
        Object json;
        try {
            json = read(body);
        } catch (JsonbException e) {
            error(request, response, 400, "bad-request", "error.notJson");
            return null;
        }
        if (!(json instanceof Map<?, ?> object)) {
            error(request, response, 400, "bad-request", "error.notObject");
            return null;
        }
        return object;
    }

    @JsonbPropertyOrder({"error", "message"})
    public record Error(String error, String message) {
    }
}
