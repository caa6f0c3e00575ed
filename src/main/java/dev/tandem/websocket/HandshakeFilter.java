package dev.tandem.websocket;

import dev.tandem.document.DocumentId;
import dev.tandem.store.ViewTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a WebSocket handshake over plain HTTP before the container upgrades it
 * (PROTOCOL.md): 404 for an invalid document id or a malformed read-only token, 403 for a
 * foreign {@code Origin}. A filter is
 * the one portable place that sees the whole request before the upgrade; the containers'
 * upgrade filters are registered to run after the application's.
 */
public final class HandshakeFilter extends HttpFilter {

    /** Where the endpoint lives, below the context path. */
    public static final String PATH_PREFIX = "/ws/docs/";
    /** Where read-only links' endpoint lives ({@link ViewEndpoint}). */
    public static final String VIEW_PATH_PREFIX = "/ws/view/";

    private final OriginPolicy origins;

    public HandshakeFilter(OriginPolicy origins) {
        this.origins = origins;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(VIEW_PATH_PREFIX)) {
            if (!ViewTokens.isWellFormed(path.substring(VIEW_PATH_PREFIX.length()))) {
                refuse(response, HttpServletResponse.SC_NOT_FOUND, "not-found", "no such read-only link");
                return;
            }
        } else if (!DocumentId.isValid(path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : "")) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "not-found", "invalid document id");
            return;
        }
        if (!origins.allows(request.getHeader("Origin"), request.getScheme(), authority(request))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "origin not allowed");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The server's {@code host:port} as the user addressed it: from the {@code Host} header, or
     * from a reverse proxy's {@code X-Forwarded-*} headers once {@code ForwardedRequestFilter}
     * (or Tomcat's {@code RemoteIpValve}) has read them.
     */
    private static String authority(HttpServletRequest request) {
        String host = request.getServerName();
        boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return (bareIpv6 ? "[" + host + "]" : host) + ":" + request.getServerPort();
    }

    /** PROTOCOL.md's error body; {@code code} and {@code why} are this class's constants, JSON as they are. */
    private static void refuse(HttpServletResponse response, int status, String code, String why) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + why + "\"}");
    }
}
