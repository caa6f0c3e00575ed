package dev.tandem.store;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI provider for tests off-container: binds, at {@link StoreSettings#CONTAINER_DATA_SOURCE},
 * whatever the environment holds under {@link #BOUND}, and nothing else.
 */
public final class FakeNaming implements InitialContextFactory {

    static final String BOUND = "tandem.test.bound";

    static Hashtable<String, Object> binding(Object dataSource) {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, FakeNaming.class.getName());
        if (dataSource != null) {
            environment.put(BOUND, dataSource);
        }
        return environment;
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "lookup" -> {
                    Object bound = environment.get(BOUND);
                    if (bound == null || !StoreSettings.CONTAINER_DATA_SOURCE.equals(String.valueOf(args[0]))) {
                        throw new NameNotFoundException(args[0] + " is not bound");
                    }
                    return bound;
                }
                case "close" -> {
                    return null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        });
    }
}
