package dev.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Behind a reverse proxy (nginx with {@code deploy/nginx/tandem.conf}), shows the rest of Tandem
 * the request the user made: the scheme, host and port of the address in the browser, and the
 * client's IP address ({@link ForwardedRequest}). So the WebSocket {@code Origin} check compares
 * with {@code https://notes.example.org}, not with the proxy's {@code http://127.0.0.1:8080}.
 * The headers are believed only from a {@link TrustedProxies trusted proxy}: anyone else could
 * write them. First in the chain, before the WebSocket handshake filter.
 *
 * <p>A servlet filter rather than Tomcat's {@code RemoteIpValve}, which GlassFish does not have;
 * the valve works as well on Tomcat, and this filter then finds nothing left to change.
 */
public final class ForwardedRequestFilter extends HttpFilter {

    private final TrustedProxies proxies;

    ForwardedRequestFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean fromProxy = proxies.contains(request.getRemoteAddr());
        chain.doFilter(fromProxy ? ForwardedRequest.of(request, proxies) : request, response);
    }
}
