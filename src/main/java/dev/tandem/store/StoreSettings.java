package dev.tandem.store;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Where the documents are kept, as the application's configuration read it ({@code TANDEM_DB_URL},
 * {@code TANDEM_DB_USER}, {@code TANDEM_DB_PASSWORD}); this package reads no environment itself.
 *
 * @param url      a JDBC URL, or {@code null} for {@link #defaultUrl} under the user's home
 * @param user     the database user, or {@code null}
 * @param password the database password, or {@code null}
 */
public record StoreSettings(String url, String user, String password) {

    /** Where a container-managed data source is looked for; when bound, it wins over {@link #url}. */
    public static final String CONTAINER_DATA_SOURCE = "java:comp/env/jdbc/tandem";

    /**
     * The embedded default: the H2 file database {@code home/.tandem/tandem.mv.db}
     * ({@link #h2Url}). {@link #sqliteUrl} is the other embedded choice, cheaper per write.
     */
    public static String defaultUrl(Path home) {
        return h2Url(home);
    }

    /**
     * An embedded SQLite file {@code home/.tandem/tandem.db}, in WAL mode with
     * {@code synchronous=NORMAL} (set per connection by the pool): every commit is in the
     * write-ahead log before it returns, so an acknowledged operation survives {@code kill -9} of
     * the JVM. It does not fsync each commit: an operating-system crash or power loss may still
     * lose the last commits (as with H2's {@code WRITE_DELAY=0}). Its write path costs about a
     * quarter of H2's CPU (README, Performance).
     */
    public static String sqliteUrl(Path home) {
        return "jdbc:sqlite:" + home.resolve(".tandem").resolve("tandem.db").toAbsolutePath().toString().replace('\\', '/');
    }

    /**
     * The embedded H2 file database {@code home/.tandem/tandem.mv.db}.
     *
     * <p>{@code WRITE_DELAY=0}: every commit is written to the file before it returns, so an
     * acknowledged operation survives {@code kill -9} of the JVM (H2's default, 500 ms, writes
     * from a background thread and loses what was committed since). The store also sets it on
     * every start, so a hand-written H2 URL is covered too (H2 forgets it on reopen otherwise).
     * It does not fsync: an operating-system crash or power loss may still lose the last commits.
     *
     * <p>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would close the database while
     * the application is still committing during a graceful stop; the store's pool closes it.
     */
    public static String h2Url(Path home) {
        String file = home.resolve(".tandem").resolve("tandem").toAbsolutePath().toString().replace('\\', '/');
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The URL in force: the configured one, or the default under {@code user.home}. */
    public String effectiveUrl() {
        return url == null || url.isBlank() ? defaultUrl(Path.of(System.getProperty("user.home"))) : url;
    }

    /**
     * Opens the configured store: over the container's data source at
     * {@link #CONTAINER_DATA_SOURCE} when one is bound, else over a pool on {@link #effectiveUrl}.
     */
    public DocumentStore open() {
        return open(containerDataSource(null));
    }

    DocumentStore open(Optional<DataSource> container) {
        if (container.isPresent()) {
            return new JdbcDocumentStore(container.get());
        }
        return JdbcDocumentStore.open(effectiveUrl(), user, password);
    }

    /**
     * The data source bound at {@link #CONTAINER_DATA_SOURCE}, or empty off-container or when
     * none is bound.
     *
     * @param environment the JNDI environment ({@code null} in a container; tests name their
     *     own {@link Context#INITIAL_CONTEXT_FACTORY})
     */
    static Optional<DataSource> containerDataSource(Hashtable<?, ?> environment) {
        try {
            Context context = new InitialContext(environment);
            try {
                return context.lookup(CONTAINER_DATA_SOURCE) instanceof DataSource dataSource
                        ? Optional.of(dataSource)
                        : Optional.empty();
            } finally {
                context.close();
            }
        } catch (NamingException notBound) {
            // NoInitialContextException off-container, NameNotFoundException when nothing is bound
            return Optional.empty();
        }
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
