package dev.tandem.web;

import dev.tandem.access.Caller;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How the user of a request is known when users sign in ({@code TANDEM_AUTH}): from the servlet
 * container ({@link ContainerSignIn}), or from an OpenID Connect sign-in. API tokens are not its
 * business ({@link AccessFilter} reads those).
 *
 * <p>Threading: called concurrently by container threads; implementations are safe for that.
 */
interface SignIn {

    /**
     * The signed-in user of the request (recorded as a stored user), or {@link Caller#ANONYMOUS}.
     * May set a cookie on {@code response} (a refreshed session).
     */
    Caller callerOf(HttpServletRequest request, HttpServletResponse response);

    /**
     * Asks the anonymous caller of {@code request} to sign in.
     *
     * @return {@code true} when the request turned out to carry credentials (ask
     *     {@link #callerOf} again), {@code false} when an answer asking for them has been sent
     */
    boolean challenge(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;

    /**
     * {@code GET /unlock}, where the editor's pages send the browser on a 401: sign in, then
     * back to the landing page.
     */
    void signInPage(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
}
