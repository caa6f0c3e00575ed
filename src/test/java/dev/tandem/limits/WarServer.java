package dev.tandem.limits;

import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.startup.Tomcat;

/**
 * The built WAR ({@code target/tandem}, exploded) in an embedded Tomcat 10.1, as a process of its
 * own that {@link WarCrashIT} can kill with SIGKILL, or stop with SIGTERM: then, as a container
 * stopped by its service manager, Tomcat stops and undeploys the application before the JVM ends.
 * Arguments: the port and the exploded WAR; the store comes from {@code -DTANDEM_DB_URL}. Prints
 * {@code READY} once it serves.
 */
public final class WarServer {

    private WarServer() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(new File("target").toPath(), "war-server").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(Integer.parseInt(args[0]));
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.addWebapp("", new File(args[1]).getAbsolutePath());
        tomcat.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "war-server-stop"));
        System.out.println("READY");
        System.out.flush();
        tomcat.getServer().await();
    }
}
