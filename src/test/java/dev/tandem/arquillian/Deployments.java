package dev.tandem.arquillian;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The small WAR the Arquillian tests deploy, put together layer by layer as DESIGN.md draws
 * them, with the libraries the build packaged into the real WAR ({@code arq.libs}).
 *
 * <p>Classes are taken from the main output directory only: tests share the packages of the
 * code they test, and a name filter cannot tell {@code store.CallerContract} (main) from
 * {@code store.StoreContract} (test).
 */
final class Deployments {

    private static final File MAIN_CLASSES = new File(System.getProperty("arq.classes", "target/classes"));

    private Deployments() {
    }

    static WebArchive tandem() {
        File[] libs = new File(Objects.requireNonNull(System.getProperty("arq.libs"), "arq.libs is not set")).listFiles();
        return ShrinkWrap.create(WebArchive.class, "tandem.war")
                // the core: the OT algebra, the document service and its store
                .addClasses(layer("dev.tandem.ot"))
                .addClasses(layer("dev.tandem.document"))
                .addClasses(layer("dev.tandem.store"))
                // the transport: the WebSocket endpoint and its wire format
                .addClasses(layer("dev.tandem.websocket"))
                // the application: configuration, listener, servlets
                .addClasses(layer("dev.tandem"))
                .addClasses(layer("dev.tandem.web"))
                .addAsLibraries(Objects.requireNonNull(libs, "no libraries: run `mvn package` first"));
    }

    /** Where Arquillian deployed the WAR, as the URI the scenarios resolve their paths against. */
    static URI uri(URL deployed) {
        try {
            return deployed.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The main classes of one package (nested classes come along with their outer class). */
    private static Class<?>[] layer(String packageName) {
        File directory = new File(MAIN_CLASSES, packageName.replace('.', '/'));
        String[] files = Objects.requireNonNull(directory.list(), "no classes in " + directory);
        return Arrays.stream(files)
                .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                .map(name -> load(packageName + "." + name.substring(0, name.length() - ".class".length())))
                .toArray(Class<?>[]::new);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Deployments.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
