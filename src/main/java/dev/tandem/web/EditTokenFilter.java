package dev.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Optional protection of a whole instance ({@code TANDEM_EDIT_TOKEN}): everything reached by a
 * document's id — its WebSocket {@code /ws/docs/*} and the HTTP API {@code /api/docs…} —
 * needs the token, so that knowing an id no longer lets anyone edit. Read-only links
 * ({@code /v/}, {@code /ws/view/}, {@code /api/view/}) and the static pages stay open.
 *
 * <p>A program presents the token as {@code Authorization: Bearer <token>}; a browser cannot
 * set headers on a WebSocket handshake, so it presents the cookie that {@link UnlockServlet}
 * sets (HttpOnly, SameSite=Strict). Without it: 401. Tokens are compared through their SHA-256
 * digests with {@link MessageDigest#isEqual}, in time that does not depend on where they differ.
 */
final class EditTokenFilter extends HttpFilter {

    static final String COOKIE = "tandem-edit-token";

    private final byte[] expected;

    EditTokenFilter(String token) {
        this.expected = digest(token);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (accepts(presented(request))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"tandem\"");
        HttpJson.error(request, response, 401, "unauthorized", "error.unauthorized");
    }

    boolean accepts(String token) {
        return token != null && MessageDigest.isEqual(digest(token), expected);
    }

    private static String presented(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
