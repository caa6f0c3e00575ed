package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request as the user made it to the reverse proxy in front of Tandem, read from the
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} headers that the proxy
 * set: its scheme, host, port and URL, and the client's address. Each header is read as a
 * well-known proxy writes it (the first value of {@code -Proto}, {@code -Host} and {@code -Port},
 * which the outermost proxy wrote, as Spring's {@code ForwardedHeaderFilter} does); a value that
 * is not well formed is ignored, leaving what the container saw. Only made for a request from a
 * {@link TrustedProxies trusted proxy}: see {@link ForwardedRequestFilter}.
 */
final class ForwardedRequest extends HttpServletRequestWrapper {

    /** A host name or bracketed IPv6 address, and an optional port (RFC 7230, {@code Host}). */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?");

    private final String scheme;
    private final String serverName;
    private final int serverPort;
    private final String remoteAddr;

    private ForwardedRequest(HttpServletRequest request, String scheme, String serverName, int serverPort,
                             String remoteAddr) {
        super(request);
        this.scheme = scheme;
        this.serverName = serverName;
        this.serverPort = serverPort;
        this.remoteAddr = remoteAddr;
    }

    /**
     * {@code request} as the user made it, or {@code request} itself when no forwarded header
     * says anything usable.
     *
     * @param request a request whose remote address is a trusted proxy
     */
    static HttpServletRequest of(HttpServletRequest request, TrustedProxies proxies) {
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        String scheme = "http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)
                ? proto.toLowerCase(Locale.ROOT) : request.getScheme();
        String serverName = request.getServerName();
        int serverPort = request.getServerPort();
        if (!scheme.equals(request.getScheme()) && serverPort == defaultPort(request.getScheme())) {
            serverPort = defaultPort(scheme); // "Host: notes.example.org" reached the proxy on 443
        }
        Matcher host = HOST.matcher(nullToEmpty(first(request.getHeader("X-Forwarded-Host"))));
        if (host.matches() && (host.group(2) == null || port(host.group(2)) > 0)) {
            serverName = host.group(1);
            serverPort = host.group(2) == null ? defaultPort(scheme) : port(host.group(2));
        }
        int forwardedPort = port(first(request.getHeader("X-Forwarded-Port")));
        if (forwardedPort > 0) {
            serverPort = forwardedPort;
        }
        String remoteAddr = client(request, proxies);
        if (scheme.equals(request.getScheme()) && serverName.equals(request.getServerName())
                && serverPort == request.getServerPort() && remoteAddr.equals(request.getRemoteAddr())) {
            return request;
        }
        return new ForwardedRequest(request, scheme, serverName, serverPort, remoteAddr);
    }

    /**
     * The client's address: {@code X-Forwarded-For} read from the right (each proxy appends the
     * address it was reached from), past every trusted proxy, as Tomcat's {@code RemoteIpValve}
     * does. A malformed entry stops the walk at the last address that could be believed.
     */
    private static String client(HttpServletRequest request, TrustedProxies proxies) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = request.getRemoteAddr();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!TrustedProxies.isAddress(hops.get(i))) {
                break;
            }
            client = hops.get(i);
            if (!proxies.contains(client)) {
                break;
            }
        }
        return client;
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The port in {@code value}, or 0 if it is not one. */
    private static int port(String value) {
        if (value == null || !value.matches("\\d{1,5}")) {
            return 0;
        }
        int port = Integer.parseInt(value);
        return port <= 65535 ? port : 0;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public boolean isSecure() {
        return scheme.equals("https");
    }

    @Override
    public String getServerName() {
        return serverName;
    }

    @Override
    public int getServerPort() {
        return serverPort;
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    /** The client's address, not a name: resolving it would cost a DNS lookup per request. */
    @Override
    public String getRemoteHost() {
        return remoteAddr;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(scheme).append("://").append(serverName);
        if (serverPort != defaultPort(scheme)) {
            url.append(':').append(serverPort);
        }
        return url.append(getRequestURI());
    }
}
