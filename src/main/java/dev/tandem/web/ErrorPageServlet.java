package dev.tandem.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page a browser sees when the container answers an error itself ({@code sendError}: an
 * address with no page, an editor address that is no document's, an exception): in the reader's
 * language and without the container's version or a stack trace. The WAR's {@code web.xml} makes
 * it the default error page. The HTTP API answers its errors as JSON itself and never comes here.
 */
@WebServlet(name = "ErrorPageServlet", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : HttpServletResponse.SC_NOT_FOUND;
        Messages messages = Messages.of(request);
        String title = messages.html("server.error.title", "status", status);
        HtmlPage.send(request, response, status, messages, title,
                "<h2>" + title + "</h2><p class=\"tagline\">" + messages.html(explanation(status)) + "</p>"
                + "<p><a href=\"" + Messages.escape(request.getContextPath()) + "/\">" + messages.html("server.home") + "</a></p>");
    }

    private static String explanation(int status) {
        return switch (status) {
            case 400 -> "server.error.400";
            case 401 -> "server.error.401";
            case 403 -> "server.error.403";
            case 404 -> "server.error.404";
            case 405 -> "server.error.405";
            case 413 -> "server.error.413";
            case 500 -> "server.error.500";
            case 503 -> "server.error.503";
            default -> "server.error.other";
        };
    }
}
