package dev.tandem.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code Origin}s may open a WebSocket (PROTOCOL.md; against cross-site WebSocket
 * hijacking): none given (a program, not a browser), the server's own origin (the scheme of the
 * request and its {@code Host} header, or what a trusted reverse proxy forwarded), or one of the
 * configured allow-list. Origins compare
 * as {@code scheme://host[:port]}, case-insensitively, with default ports left out.
 * Immutable; safe for concurrent use.
 */
public final class OriginPolicy {

    private final Set<String> allowed;

    private OriginPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** The policy for an allow-list of origins such as {@code https://notes.example.org}. */
    public static OriginPolicy allowing(List<String> origins) {
        return new OriginPolicy(origins.stream().map(OriginPolicy::normalize)
                .filter(o -> o != null).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * @param origin        the request's {@code Origin} header, or {@code null}
     * @param requestScheme the request's scheme ({@code http} or {@code https})
     * @param host          the server's {@code host[:port]} as the user addressed it, or {@code null}
     */
    public boolean allows(String origin, String requestScheme, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        if (normalized == null) {
            return false; // includes the opaque origin "null" of sandboxed pages and files
        }
        if (allowed.contains(normalized)) {
            return true;
        }
        return host != null && normalized.equals(normalize(requestScheme + "://" + host));
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or {@code null} if it is not one. */
    static String normalize(String origin) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && (scheme.equals("http") || scheme.equals("ws")))
                || (port == 443 && (scheme.equals("https") || scheme.equals("wss")));
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
