package dev.tandem.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The server's own small HTML pages (the unlock form, error pages), in the reader's language: no
 * script and no inline style, so the Content-Security-Policy of {@link PageHeaders} holds; the
 * landing page's stylesheet. Every text put in comes escaped by the caller ({@link Messages#html}).
 */
final class HtmlPage {

    /** What the bundled pages (webapp/public/index.html, editor.html) say in English, to be put in the reader's words. */
    static final String LANG_MARK = "<html lang=\"en\">";
    static final String NOSCRIPT_MARK = "<noscript>Tandem needs JavaScript.</noscript>";

    private HtmlPage() {
    }

    /**
     * A bundled page in the reader's language: its {@code lang} and its one sentence for browsers
     * without JavaScript (the script puts in everything else, from the same catalogues).
     */
    static String localised(String page, Messages messages, HttpServletResponse response) {
        response.setHeader("Content-Language", messages.language());
        response.setHeader("Vary", "Accept-Language");
        return page.replace(LANG_MARK, "<html lang=\"" + messages.language() + "\">")
                .replace(NOSCRIPT_MARK, "<noscript>" + messages.html("server.noscript") + "</noscript>");
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status, Messages messages,
            String titleHtml, String bodyHtml) throws IOException {
        String context = Messages.escape(request.getContextPath());
        byte[] html = ("<!DOCTYPE html><html lang=\"" + messages.language() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + titleHtml + " · Tandem</title><meta name=\"viewport\" content=\"width=device-width\">"
                + "<link rel=\"icon\" href=\"" + context + "/favicon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"" + context + "/assets/tandem.css\"></head>"
                + "<body><main class=\"landing server-page\"><a class=\"brand\" href=\"" + context + "/\" title=\""
                + messages.html("server.home") + "\">Tandem</a>" + bodyHtml + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        PageHeaders.apply(response);
        response.setHeader("Content-Language", messages.language());
        response.setHeader("Vary", "Accept-Language");
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }
}
