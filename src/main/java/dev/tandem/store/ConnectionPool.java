package dev.tandem.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pool the store opens when the container binds no {@code DataSource}. */
final class ConnectionPool {

    private ConnectionPool() {
    }

    static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tandem");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // named explicitly: in a servlet container DriverManager often cannot see drivers that
        // sit in the web application's WEB-INF/lib
        String driver = driverFor(url);
        if (driver != null) {
            config.setDriverClassName(driver);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            // one multi-row INSERT per JDBC batch instead of one statement per row: appendAll
            // inserts every document's batch with one JDBC batch
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (url.startsWith("jdbc:sqlite:")) {
            createParentDirectory(url);
            // per connection: NORMAL in WAL mode writes every commit to the log before it returns
            // (it survives the process being killed, as H2's WRITE_DELAY=0 does; fsync only at
            // checkpoints), and a writer waits for the one before it instead of failing
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
        }
        config.setMaximumPoolSize(10);
        // a database that is down shows within seconds, in /health too, not after Hikari's 30 s
        config.setConnectionTimeout(5_000);
        // fail at start, with the database's own message, rather than at the first request
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + url + " as " + user + ": " + rootMessage(e), e);
        }
    }

    /** SQLite creates its file but not the directory it is in (H2 did both). */
    private static void createParentDirectory(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int options = file.indexOf('?');
        file = options < 0 ? file : file.substring(0, options);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory " + parent + " for the SQLite file: " + e.getMessage(), e);
        }
    }

    static String driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return "org.sqlite.JDBC";
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
