package dev.tandem.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The application's answer to every error the container would otherwise answer with its own page
 * (WEB-INF/web.xml's default {@code error-page}): a path that is not there, a refused method, a
 * container's 401. Under {@code /api/} and {@code /ws/} it is PROTOCOL.md's JSON
 * {@code {"error":code,"message":…}}, elsewhere a small page; the words are in the reader's
 * language ({@link Messages}), the code never. Neither names the server, its version or the path
 * asked for, and neither carries a stack trace. Requests the container refuses before any
 * application sees them (a path with {@code %00}, or that climbs out of the root) get the
 * container's own error report, which the README says how to quieten.
 */
@WebServlet(name = "ErrorPageServlet", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error";

    /** By status: PROTOCOL.md's code, and the catalogue's keys of the page's title and sentence. */
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad-request", "server.error.400.title", "server.error.400"},
            401, new String[] {"unauthorized", "server.error.401.title", "server.error.401"},
            403, new String[] {"forbidden", "server.error.403.title", "server.error.403"},
            404, new String[] {"not-found", "server.error.404.title", "server.error.404"},
            405, new String[] {"method-not-allowed", "server.error.405.title", "server.error.405"},
            413, new String[] {"too-large", "server.error.413.title", "server.error.413"},
            503, new String[] {"unavailable", "server.error.503.title", "server.error.503"});
    private static final String[] INTERNAL = {"internal", "server.error.500.title", "server.error.500"};
    private static final String[] OTHER = {"error", "server.error.other.title", "server.error.other"};

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is just another address that is not there
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String asked ? asked.substring(Math.min(asked.length(), request.getContextPath().length()))
                : request.getServletPath();
        String[] words = KNOWN.getOrDefault(status, status >= 500 ? INTERNAL : OTHER);
        response.resetBuffer();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws/")) {
            HttpJson.error(request, response, status, words[0], words[2]);
            return;
        }
        Messages messages = Messages.of(request);
        String title = messages.html(words[1]);
        HtmlPage.send(request, response, status, messages, title,
                "<h1>" + title + "</h1><p class=\"tagline\">" + messages.html(words[2]) + "</p>"
                + "<p><a href=\"" + Messages.escape(request.getContextPath()) + "/\">" + messages.html("server.home") + "</a></p>");
    }
}
