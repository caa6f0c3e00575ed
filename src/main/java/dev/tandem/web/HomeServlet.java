package dev.tandem.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code /}: a plain page saying the server is up, until the editor's pages take its place. */
final class HomeServlet extends HttpServlet {

    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Tandem</title></head>
            <body>
            <h1>Tandem is up</h1>
            <p>Documents: <a href="api/docs">api/docs</a>. Health: <a href="health">health</a>.
            Editing protocol: WebSocket at <code>ws/docs/{id}</code>.</p>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(PAGE.length);
        response.getOutputStream().write(PAGE);
    }
}
