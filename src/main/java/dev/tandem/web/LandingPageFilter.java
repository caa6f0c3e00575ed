package dev.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The landing page ({@code /}, the bundled {@code index.html}) with the headers of
 * {@link PageHeaders} and in the reader's language ({@link HtmlPage#localised}): it has no inline
 * style at all, so its Content-Security-Policy allows styles from our files only. The empty
 * pattern is the context root itself (Servlet 6, 12.2); a welcome-file request reaches filters as
 * {@code /index.html}. {@code /editor.html} is not meant to be opened by itself (the editor is at
 * {@code /d/{id}}) and only gets the headers.
 */
@WebFilter(filterName = "LandingPageFilter", urlPatterns = {"", "/index.html", "/editor.html"})
public class LandingPageFilter extends HttpFilter {

    static final String LANDING_PAGE = "/index.html";

    /** index.html as bundled in the WAR; read once, it does not change while deployed. */
    private volatile String page;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PageHeaders.apply(response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String landing = path.isEmpty() || path.equals("/") || path.equals(LANDING_PAGE) ? page() : null;
        if (landing == null || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] html = HtmlPage.localised(landing, Messages.of(request), response).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(html);
        }
    }

    /** index.html, or {@code null} when the WAR was built without it. */
    private String page() throws IOException {
        String text = page;
        if (text == null) {
            try (InputStream in = getServletContext().getResourceAsStream(LANDING_PAGE)) {
                if (in == null) {
                    return null;
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            page = text;
        }
        return text;
    }
}
