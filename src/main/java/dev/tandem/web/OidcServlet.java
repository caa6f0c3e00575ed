package dev.tandem.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /signin}, {@code /signin/callback} and {@code /signout} of {@link OidcSignIn}. */
final class OidcServlet extends HttpServlet {

    private final transient OidcSignIn signIn;

    OidcServlet(OidcSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        response.setHeader("Cache-Control", "no-store");
        switch (path) {
            case "/signin" -> signIn.begin(request, response);
            case "/signin/callback" -> signIn.complete(request, response);
            default -> HttpJson.error(request, response, 405, "method-not-allowed", "error.signOutPost");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/signout")) {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.signOutPostOnly");
            return;
        }
        signIn.end(request, response);
    }
}
