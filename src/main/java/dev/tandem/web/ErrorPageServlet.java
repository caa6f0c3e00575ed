package dev.tandem.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The application's answer to every error the container would otherwise answer with its own page
 * (WEB-INF/web.xml's default {@code error-page}): a path that is not there, a refused method, a
 * container's 401. Under {@code /api/} and {@code /ws/} it is PROTOCOL.md's JSON
 * {@code {"error":code,"message":…}}, elsewhere a small page. Neither names the server, its
 * version or the path asked for, and neither carries a stack trace. Requests the container
 * refuses before any application sees them (a path with {@code %00}, or that climbs out of the
 * root) get the container's own error report, which the README says how to quieten.
 */
@WebServlet(name = "ErrorPageServlet", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error";

    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad-request", "Bad request", "The request is malformed."},
            401, new String[] {"unauthorized", "Sign-in needed", "This Tandem needs credentials for that."},
            403, new String[] {"forbidden", "Forbidden", "That is not allowed."},
            404, new String[] {"not-found", "Not found", "There is nothing at this address."},
            405, new String[] {"method-not-allowed", "Method not allowed", "That method is not allowed here."},
            413, new String[] {"too-large", "Too large", "The request is too large."},
            503, new String[] {"unavailable", "Unavailable", "Tandem is not available right now; try again later."});
    private static final String[] INTERNAL = {"internal", "Internal error", "Something went wrong on the server."};

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is just another address that is not there
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String asked ? asked.substring(Math.min(asked.length(), request.getContextPath().length()))
                : request.getServletPath();
        String[] words = KNOWN.getOrDefault(status, status >= 500 ? INTERNAL : new String[] {"error", "Error", "The request failed."});
        response.resetBuffer();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws/")) {
            HttpJson.error(response, status, words[0], words[2]);
            return;
        }
        PageHeaders.apply(response);
        byte[] html = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + words[1]
                + " · Tandem</title><meta name=\"viewport\" content=\"width=device-width\"></head><body><main><h1>"
                + words[1] + "</h1><p>" + words[2] + "</p><p><a href=\"" + request.getContextPath() + "/\">Tandem</a></p>"
                + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
