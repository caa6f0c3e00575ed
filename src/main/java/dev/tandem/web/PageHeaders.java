package dev.tandem.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The headers every page of the editor is served with. The Content-Security-Policy allows scripts
 * only from this application's own files ({@code 'self'}, no {@code 'unsafe-inline'}, no
 * {@code eval}): even if a document's text slipped through the Markdown sanitiser into the page,
 * it could not run. Styles likewise come only from our files, plus, on the editor page, the one
 * {@code <style>} element CodeMirror writes its themes into, which carries a nonce fresh for each
 * response; the style attributes CodeMirror sets at run time (layout, remote cursor colours) go
 * through the CSSOM, which CSP does not restrict. {@code connect-src 'self'} covers the WebSocket
 * of the same origin ({@code ws:}/{@code wss:}) in CSP Level 3 browsers.
 */
final class PageHeaders {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PageHeaders() {
    }

    /** The policy of a page whose styles all come from our files (the landing page). */
    static String contentSecurityPolicy() {
        return contentSecurityPolicy(null);
    }

    /** The policy of a page that may also have {@code <style>} elements carrying {@code styleNonce}. */
    static String contentSecurityPolicy(String styleNonce) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                styleNonce == null ? "style-src 'self'" : "style-src 'self' 'nonce-" + styleNonce + "'",
                "img-src 'self' data: https:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'self'");
    }

    /** A nonce for one response: 128 random bits, as CSP asks (at least 128, never reused). */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static void apply(HttpServletResponse response) {
        apply(response, null);
    }

    static void apply(HttpServletResponse response, String styleNonce) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(styleNonce));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // The page is tiny, its scripts change with each deployment, its nonce with each response.
        response.setHeader("Cache-Control", "no-cache");
    }
}
