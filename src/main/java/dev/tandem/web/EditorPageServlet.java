package dev.tandem.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code /d/{id}}: the editor page of one document; {@code /v/{token}}: the same page on a
 * read-only link (the script sees the {@code /v/} and opens the document in view mode). Forwards to the bundled {@code /editor.html},
 * whose script reads the id from the address and finds the WebSocket and the API relative to it,
 * so this works under any context path. An id outside PROTOCOL.md's pattern is a 404 here rather
 * than a page whose socket would be refused.
 */
@WebServlet(name = "EditorPageServlet", urlPatterns = {"/d/*", "/v/*"})
public class EditorPageServlet extends HttpServlet {

    /** PROTOCOL.md, "Words": a document id. */
    static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** A read-only link's token (dev.tandem.store.ViewTokens): {@code /v/{token}} opens the editor in view mode. */
    static final Pattern VIEW_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    static final String EDITOR_PAGE = "/editor.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        Pattern name = "/v".equals(request.getServletPath()) ? VIEW_TOKEN : DOCUMENT_ID;
        if (path == null || !path.startsWith("/") || !name.matcher(path.substring(1)).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // Headers set before a forward stay: forward() only clears the body buffer.
        PageHeaders.apply(response);
        request.getRequestDispatcher(EDITOR_PAGE).forward(request, response);
    }
}
