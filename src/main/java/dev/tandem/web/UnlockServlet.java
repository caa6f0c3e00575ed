package dev.tandem.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        page(response, 200, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        if (!guard.accepts(token == null ? null : token.trim())) {
            page(response, 403, "<p class=\"fatal\">That is not this Tandem's edit token.</p>");
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

    private static void page(HttpServletResponse response, int status, String message) throws IOException {
        PageHeaders.apply(response);
        byte[] html = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unlock · Tandem</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head><body><main><h1>Tandem</h1>" + message
                + "<form method=\"post\" action=\"unlock\"><label>Edit token <input name=\"token\" type=\"password\""
                + " autocomplete=\"current-password\" required></label> <button type=\"submit\">Unlock</button></form>"
                + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
