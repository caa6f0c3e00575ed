package dev.tandem.websocket;

import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Creates each connection's {@link DocumentEndpoint} with the application's shared
 * {@link EndpointContext}.
 *
 * <p>Why a static reference: the container instantiates this configurator itself, while
 * scanning annotations and before any listener runs, and JSR 356 gives it no way to reach the
 * {@code ServletContext}. So the application's listener installs its context here at start-up
 * and removes it at shutdown. It holds the service, never sessions, and each web application has
 * its own copy (its own class loader). The transport's other static state is two caches of
 * encoded frames ({@link OpFrames}, {@link SelectFrames}), which hold no session either.
 *
 * <p>The origin check happens before the upgrade, in {@link HandshakeFilter}, because
 * {@link #checkOrigin} is given the {@code Origin} alone and the rule needs the request's
 * scheme and {@code Host} as well (same origin is allowed).
 */
public final class EndpointConfigurator extends ServerEndpointConfig.Configurator {

    private static volatile EndpointContext installed;

    /** Called by the application's listener at start-up. */
    public static void install(EndpointContext context) {
        installed = context;
    }

    /** Called at shutdown; connections opened afterwards are refused. */
    public static void uninstall(EndpointContext context) {
        if (installed == context) {
            installed = null;
        }
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true; // decided by HandshakeFilter, which sees the Host header too
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        EndpointContext context = installed;
        if (context == null) {
            throw new InstantiationException("Tandem is not started (or is stopping)");
        }
        if (endpointClass == DocumentEndpoint.class) {
            return endpointClass.cast(new DocumentEndpoint(context));
        }
        if (endpointClass == ViewEndpoint.class) {
            return endpointClass.cast(new ViewEndpoint(context));
        }
        throw new InstantiationException("not a Tandem endpoint: " + endpointClass.getName());
    }
}
