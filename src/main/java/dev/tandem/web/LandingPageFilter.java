package dev.tandem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives the static landing page ({@code /}, served from the bundled {@code index.html} by the
 * container's default servlet) the headers of {@link PageHeaders}: it has no inline style at all,
 * so its Content-Security-Policy allows styles from our files only. The empty
 * pattern is the context root itself (Servlet 6, 12.2); a welcome-file request reaches filters as
 * {@code /index.html}.
 */
@WebFilter(filterName = "LandingPageFilter", urlPatterns = {"", "/index.html", "/editor.html"})
public class LandingPageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PageHeaders.apply(response);
        chain.doFilter(request, response);
    }
}
