package dev.tandem.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every page of the editor is served with. The Content-Security-Policy allows scripts
 * only from this application's own files ({@code 'self'}, no {@code 'unsafe-inline'}, no
 * {@code eval}): even if a document's text slipped through the Markdown sanitiser into the page,
 * it could not run. Styles keep {@code 'unsafe-inline'} because CodeMirror sets style attributes
 * (remote cursor colours, layout) at run time; {@code connect-src 'self'} covers the WebSocket of
 * the same origin ({@code ws:}/{@code wss:}) in CSP Level 3 browsers.
 */
final class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: https:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private PageHeaders() {
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // The page is tiny and its scripts change with each deployment: always revalidate.
        response.setHeader("Cache-Control", "no-cache");
    }
}
