package dev.tandem.conformance;

import dev.tandem.testing.HttpApi;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Random;

/**
 * What every protocol scenario needs: where the application is, and fresh names, so that
 * scenarios sharing one server never meet (no state shared between tests but the server).
 */
public abstract class Scenarios {

    private static final Random RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** The application's base URL, ending in {@code /}, e.g. {@code http://127.0.0.1:8080/}. */
    protected abstract URI base();

    /** The base URL given to Failsafe by the build ({@code it.baseUrl}). */
    protected static URI baseFromBuild() {
        String url = System.getProperty("it.baseUrl");
        if (url == null) {
            throw new IllegalStateException("it.baseUrl is not set: run through `mvn verify`");
        }
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    protected URI ws(String doc) {
        return ws(doc, "");
    }

    protected URI ws(String doc, String query) {
        return URI.create(HttpApi.webSocket(base(), "ws/docs/" + doc) + query);
    }

    /** The application's own origin, as a browser showing its pages would send it. */
    protected String ownOrigin() {
        URI base = base();
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    protected static String fresh(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            name.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return name.toString();
    }

    protected static String doc() {
        return fresh("doc-");
    }

    protected static String src() {
        return fresh("src");
    }
}
