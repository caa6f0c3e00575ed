package dev.tandem.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * {@code /d/{id}}: the editor page of one document; {@code /v/{token}}: the same page on a
 * read-only link (the script sees the {@code /v/} and opens the document in view mode). Serves the
 * bundled {@code /editor.html}, whose script reads the id (or token) from the address and finds the
 * WebSocket and the API relative to it, so this works under any context path. Each response
 * carries a fresh style nonce, in the page (for CodeMirror's {@code <style>} element) and in its
 * Content-Security-Policy ({@link PageHeaders}), and the page's language is the reader's
 * ({@link HtmlPage#localised}). An id outside PROTOCOL.md's pattern is a 404 here (the
 * {@link ErrorPageServlet}'s page) rather than a page whose socket would be refused.
 */
@WebServlet(name = "EditorPageServlet", urlPatterns = {"/d/*", "/v/*"})
public class EditorPageServlet extends HttpServlet {

    /** PROTOCOL.md, "Words": a document id. */
    static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** A read-only link's token (dev.tandem.store.ViewTokens): {@code /v/{token}} opens the editor in view mode. */
    static final Pattern VIEW_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    static final String EDITOR_PAGE = "/editor.html";

    /** Where editor.html wants the nonce (webapp/public/editor.html). */
    static final String NONCE_MARK = "TANDEM_STYLE_NONCE";

    /** editor.html as bundled in the WAR; read once, it does not change while deployed. */
    private volatile String page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        Pattern name = "/v".equals(request.getServletPath()) ? VIEW_TOKEN : DOCUMENT_ID;
        if (path == null || !path.startsWith("/") || !name.matcher(path.substring(1)).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String nonce = PageHeaders.newNonce();
        PageHeaders.apply(response, nonce);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(HtmlPage.localised(page().replace(NONCE_MARK, nonce), Messages.of(request), response));
    }

    private String page() throws IOException, ServletException {
        String text = page;
        if (text == null) {
            try (InputStream in = getServletContext().getResourceAsStream(EDITOR_PAGE)) {
                if (in == null) {
                    throw new ServletException(EDITOR_PAGE + " is missing from the web application");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            page = text;
        }
        return text;
    }
}
