package dev.tandem.access;

import java.security.Principal;

/**
 * The {@link Caller} of a request as a {@link Principal}: how the caller decided by the web
 * layer's filter reaches a WebSocket endpoint, whose session reports the upgrade request's
 * principal ({@code Session.getUserPrincipal()}) and nothing else of it.
 */
public record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.isSignedIn() ? caller.user().subject() : "anonymous";
    }

    /** The caller a principal stands for: anonymous unless it is a {@code CallerPrincipal}. */
    public static Caller callerOf(Principal principal) {
        return principal instanceof CallerPrincipal known ? known.caller() : Caller.ANONYMOUS;
    }
}
