package dev.tandem.web;

import dev.tandem.document.DocumentService;
import dev.tandem.websocket.CloseCounts;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code GET /health}: 200 {@code {"status":"UP",…}} while the store answers, 503 otherwise. */
final class HealthServlet extends HttpServlet {

    private final transient DocumentService service;
    private final transient CloseCounts closes;

    HealthServlet(DocumentService service, CloseCounts closes) {
        this.service = service;
        this.closes = closes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        boolean up;
        try {
            up = service.isHealthy();
        } catch (RuntimeException e) {
            up = false;
        }
        HttpJson.write(response, up ? 200 : 503, new Health(up ? "UP" : "DOWN", closes.snapshot()));
    }

    /** {@code closed}: connections the server closed since start, by close code (e.g. 1013: too slow to read). */
    @JsonbPropertyOrder({"status", "closed"})
    public record Health(String status, Map<String, Long> closed) {
    }
}
