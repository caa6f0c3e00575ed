package dev.tandem.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /unlock}, where a browser gives an instance's edit token ({@link EditTokenFilter}): a
 * form (no script, so the page's Content-Security-Policy holds) that posts the token; the right
 * one is kept in an HttpOnly, SameSite=Strict cookie that the WebSocket handshake carries.
 * Registered only when {@code TANDEM_EDIT_TOKEN} is set.
 */
final class UnlockServlet extends HttpServlet {

    private static final int COOKIE_SECONDS = 30 * 24 * 3600;

    private final transient EditTokenFilter guard;

    UnlockServlet(EditTokenFilter guard) {
        this.guard = guard;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, 200, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        if (!guard.accepts(token == null ? null : token.trim())) {
            page(request, response, 403, "<p class=\"landing-status\">" + Messages.of(request).html("server.unlock.wrong") + "</p>");
            return;
        }
        Cookie cookie = new Cookie(EditTokenFilter.COOKIE, token.trim());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(COOKIE_SECONDS);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        Messages messages = Messages.of(request);
        HtmlPage.send(request, response, status, messages, messages.html("server.unlock.title"),
                "<h1>" + messages.html("server.unlock.title") + "</h1>"
                + "<p class=\"tagline\">" + messages.html("server.unlock.intro") + "</p>" + message
                + "<form method=\"post\" action=\"unlock\"><label>" + messages.html("server.unlock.token")
                + " <input name=\"token\" type=\"password\" autocomplete=\"current-password\" required></label> <button type=\"submit\">"
                + messages.html("server.unlock.button") + "</button></form>");
    }
}
