package dev.tandem.web;

import dev.tandem.access.Caller;
import dev.tandem.access.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request whose principal is the {@link Caller} {@link AccessFilter} decided on, as a
 * {@link CallerPrincipal}: servlets read it back with {@link #callerOf}, and a WebSocket upgrade
 * hands it to the endpoint's session.
 */
final class CallerRequest extends HttpServletRequestWrapper {

    private final CallerPrincipal principal;

    CallerRequest(HttpServletRequest request, Caller caller) {
        super(request);
        this.principal = new CallerPrincipal(caller);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.caller().isSignedIn() ? principal.getName() : null;
    }

    /** The caller of a request that passed {@link AccessFilter}; anonymous otherwise. */
    static Caller callerOf(HttpServletRequest request) {
        return CallerPrincipal.callerOf(request.getUserPrincipal());
    }
}
