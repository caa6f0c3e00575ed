package dev.tandem.web;

import dev.tandem.document.DocumentService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /health}: 200 {@code {"status":"UP"}} while the store answers, 503 otherwise. */
final class HealthServlet extends HttpServlet {

    private final transient DocumentService service;

    HealthServlet(DocumentService service) {
        this.service = service;
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
        HttpJson.write(response, up ? 200 : 503, new Health(up ? "UP" : "DOWN"));
    }

    public record Health(String status) {
    }
}
