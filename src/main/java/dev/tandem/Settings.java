package dev.tandem;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Tandem's configuration, read once at start-up. Each setting is a context parameter of the web
 * application, a system property or an environment variable of the same name, in that order;
 * unset ones take the default given here.
 *
 * @param dbUrl                the JDBC URL ({@code TANDEM_DB_URL}), or {@code null} for the default:
 *                             an embedded H2 file, {@code ~/.tandem/tandem.mv.db} (see
 *                             {@link dev.tandem.store.StoreSettings#defaultUrl}; an SQLite file,
 *                             {@code jdbc:sqlite:…}, is the cheaper embedded choice). A container
 *                             {@code DataSource} bound at {@code java:comp/env/jdbc/tandem} wins over it.
 * @param dbUser               {@code TANDEM_DB_USER}; default none
 * @param dbPassword           {@code TANDEM_DB_PASSWORD}; default none
 * @param allowedOrigins       {@code TANDEM_ALLOWED_ORIGINS}, comma-separated origins such as
 *                             {@code https://notes.example.org} that may open WebSockets besides the
 *                             server's own origin; default none (same origin only)
 * @param maxMessageBytes      {@code TANDEM_MAX_MESSAGE_BYTES}: the largest WebSocket message and HTTP
 *                             body; default 1 MiB
 * @param maxMessagesPerSecond {@code TANDEM_MAX_MESSAGES_PER_SECOND} per connection, bursts of one
 *                             second's worth allowed; default 200
 * @param pingInterval         {@code TANDEM_PING_SECONDS}: how often the server pings each WebSocket, which
 *                             also keeps a reverse proxy from closing an idle one (nginx's default read
 *                             timeout is 60 s); default 30 s, and below the idle timeout
 * @param idleTimeout          {@code TANDEM_IDLE_TIMEOUT_SECONDS}: how long a WebSocket may stay silent
 *                             before it is closed; 120 s
 * @param throttlePatience     {@code TANDEM_THROTTLE_PATIENCE_SECONDS}: how long a connection may keep over
 *                             the rate before it is closed with 1008; 10 s
 * @param maxOutboundBytes     {@code TANDEM_MAX_OUTBOUND_BYTES}: how much may wait to be sent to one
 *                             connection (estimated UTF-8 bytes) before it counts as not reading and is
 *                             closed with 1013; 16 MiB. One message larger than that still leaves when
 *                             nothing else waits (a welcome with a large text).
 * @param maxDocuments         {@code TANDEM_MAX_DOCUMENTS}: documents loaded in memory at once; a join
 *                             that would load one more is refused (closed with 1013); 10,000
 * @param maxConnectionsPerDocument {@code TANDEM_MAX_CONNECTIONS_PER_DOCUMENT}: connections joined to one
 *                             document; one more is refused (closed with 1013); 500
 * @param editToken            {@code TANDEM_EDIT_TOKEN}: when set (at least 16 characters), editing needs it
 *                             (see {@code web.EditTokenFilter}); read-only links stay open. Default none:
 *                             whoever has a document's id may edit it
 * @param metrics              {@code TANDEM_METRICS}: who may read {@code /metrics}; default
 *                             {@link MetricsAccess#LOCAL}
 * @param trustedProxies       {@code TANDEM_TRUSTED_PROXIES}, comma-separated addresses or CIDR ranges of
 *                             reverse proxies whose {@code X-Forwarded-*} headers are believed; default
 *                             loopback ({@code 127.0.0.0/8,::1}: a proxy on the same machine), {@code none}
 *                             for no proxy at all
 * @param maxDocumentBytes     {@code TANDEM_MAX_DOCUMENT_BYTES}: the largest document, in UTF-8 bytes of its
 *                             text; an operation that would make a document larger is refused
 *                             ({@code too-large}, the connection stays open); default 64 MiB
 * @param listDocuments        {@code TANDEM_LIST_DOCUMENTS}: whether {@code GET /api/docs} lists every document
 *                             to anyone in an instance without sign-in and without an edit token; default
 *                             {@code false} (it answers 404), because there a document's id is what lets its
 *                             holder read and edit it. With an edit token or sign-in the list needs them.
 * @param auth                 {@code TANDEM_AUTH}: who is who; default {@link AuthMode#NONE}
 * @param admins               {@code TANDEM_ADMINS}, comma-separated: users (the provider's subject, or the
 *                             container's principal name) and groups ({@code group:NAME}) who may list every
 *                             document and change its owner; default none. Only with sign-in.
 * @param oidc                 with {@code TANDEM_AUTH=oidc}, the provider: {@code TANDEM_OIDC_ISSUER},
 *                             {@code TANDEM_OIDC_CLIENT_ID}, {@code TANDEM_OIDC_CLIENT_SECRET} (required then) and
 *                             {@code TANDEM_OIDC_GROUPS_CLAIM} (default {@code groups}); {@code null} otherwise
 */
public record Settings(String dbUrl, String dbUser, String dbPassword, List<String> allowedOrigins,
                       int maxMessageBytes, int maxMessagesPerSecond, Duration pingInterval, Duration idleTimeout,
                       Duration throttlePatience, long maxOutboundBytes, int maxDocuments, int maxConnectionsPerDocument,
                       String editToken, MetricsAccess metrics, List<String> trustedProxies,
                       long maxDocumentBytes, boolean listDocuments, AuthMode auth, List<String> admins, Oidc oidc) {

    /**
     * The OpenID Connect provider Tandem signs users in with. The client secret also keys the
     * session cookies (every node has it), so it must be long: at least 16 characters.
     */
    public record Oidc(String issuer, String clientId, String clientSecret, String groupsClaim) {

        public Oidc {
            if (issuer == null || clientId == null || clientSecret == null) {
                throw new IllegalArgumentException("TANDEM_AUTH=oidc needs TANDEM_OIDC_ISSUER, TANDEM_OIDC_CLIENT_ID and TANDEM_OIDC_CLIENT_SECRET");
            }
            if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
                throw new IllegalArgumentException("TANDEM_OIDC_ISSUER must be the provider's http(s) URL, not \"" + issuer + "\"");
            }
            if (clientSecret.length() < 16) {
                throw new IllegalArgumentException("TANDEM_OIDC_CLIENT_SECRET must be at least 16 characters (it also keys the session cookies)");
            }
        }

        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***, groupsClaim=" + groupsClaim + "]";
        }
    }

    /** {@code TANDEM_AUTH}: whether users sign in, and who vouches for them. */
    public enum AuthMode {
        /** Nobody signs in: whoever has a document's id may edit it (capability links). */
        NONE,
        /** Users sign in through an OpenID Connect provider. */
        OIDC,
        /** The servlet container authenticates users ({@code getUserPrincipal}, {@code isUserInRole}). */
        CONTAINER;

        static AuthMode parse(String value) {
            for (AuthMode mode : values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("TANDEM_AUTH must be none, oidc or container, not \"" + value + "\"");
        }

        /** Whether users sign in and per-document access applies. */
        public boolean signsIn() {
            return this != NONE;
        }
    }

    /** {@code TANDEM_METRICS}: whether {@code /metrics} is served, and to whom. */
    public enum MetricsAccess {
        /** Collected and served to requests from the loopback address only (a local Prometheus or proxy). */
        LOCAL,
        /** Collected and served to anyone who reaches the server. */
        PUBLIC,
        /** Neither collected nor served ({@code /metrics} answers 404). */
        OFF;

        static MetricsAccess parse(String value) {
            for (MetricsAccess access : values()) {
                if (access.name().equalsIgnoreCase(value)) {
                    return access;
                }
            }
            throw new IllegalArgumentException("TANDEM_METRICS must be local, public or off, not \"" + value + "\"");
        }
    }

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 200;
    public static final int DEFAULT_PING_SECONDS = 30;
    public static final String DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1";
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L << 20;

    public Settings {
        allowedOrigins = List.copyOf(allowedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        admins = List.copyOf(admins);
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("TANDEM_MAX_MESSAGE_BYTES must be at least 1024, not " + maxMessageBytes);
        }
        if (maxMessagesPerSecond < 1) {
            throw new IllegalArgumentException("TANDEM_MAX_MESSAGES_PER_SECOND must be at least 1, not " + maxMessagesPerSecond);
        }
        if (pingInterval.compareTo(Duration.ofSeconds(1)) < 0 || pingInterval.compareTo(idleTimeout) >= 0) {
            // a ping answered is what keeps a quiet client from counting as silent
            throw new IllegalArgumentException("TANDEM_PING_SECONDS must be at least 1 and below the idle timeout of "
                    + idleTimeout.toSeconds() + " s, not " + pingInterval.toSeconds());
        }
        if (maxOutboundBytes < maxMessageBytes) {
            throw new IllegalArgumentException("TANDEM_MAX_OUTBOUND_BYTES must be at least TANDEM_MAX_MESSAGE_BYTES ("
                    + maxMessageBytes + "), not " + maxOutboundBytes);
        }
        if (maxDocuments < 1 || maxConnectionsPerDocument < 1) {
            throw new IllegalArgumentException("TANDEM_MAX_DOCUMENTS and TANDEM_MAX_CONNECTIONS_PER_DOCUMENT must be at least 1, not "
                    + maxDocuments + " and " + maxConnectionsPerDocument);
        }
        if (throttlePatience.isNegative()) {
            throw new IllegalArgumentException("TANDEM_THROTTLE_PATIENCE_SECONDS must not be negative, not " + throttlePatience.toSeconds());
        }
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("TANDEM_MAX_DOCUMENT_BYTES must be at least 1, not " + maxDocumentBytes);
        }
        if (editToken != null && editToken.length() < 16) {
            throw new IllegalArgumentException("TANDEM_EDIT_TOKEN must be at least 16 characters (a long random secret)");
        }
    }

    /** The settings of this process: system properties first, then the environment. */
    public static Settings fromEnvironment() {
        return fromEnvironment(name -> null);
    }

    /** The settings {@code first} gives (e.g. the web application's context parameters), then this process's. */
    public static Settings fromEnvironment(UnaryOperator<String> first) {
        return read(name -> {
            String value = first.apply(name);
            if (value == null) {
                value = System.getProperty(name);
            }
            return value != null ? value : System.getenv(name);
        });
    }

    /** The settings that {@code lookup} gives (a name to its value, or {@code null} when unset). */
    public static Settings read(UnaryOperator<String> lookup) {
        return new Settings(
                text(lookup, "TANDEM_DB_URL", null),
                text(lookup, "TANDEM_DB_USER", null),
                text(lookup, "TANDEM_DB_PASSWORD", null),
                list(text(lookup, "TANDEM_ALLOWED_ORIGINS", "")),
                number(lookup, "TANDEM_MAX_MESSAGE_BYTES", DEFAULT_MAX_MESSAGE_BYTES),
                number(lookup, "TANDEM_MAX_MESSAGES_PER_SECOND", DEFAULT_MAX_MESSAGES_PER_SECOND),
                Duration.ofSeconds(number(lookup, "TANDEM_PING_SECONDS", DEFAULT_PING_SECONDS)),
                Duration.ofSeconds(number(lookup, "TANDEM_IDLE_TIMEOUT_SECONDS", 120)),
                Duration.ofSeconds(number(lookup, "TANDEM_THROTTLE_PATIENCE_SECONDS", 10)),
                number(lookup, "TANDEM_MAX_OUTBOUND_BYTES", 16 << 20),
                number(lookup, "TANDEM_MAX_DOCUMENTS", 10_000),
                number(lookup, "TANDEM_MAX_CONNECTIONS_PER_DOCUMENT", 500),
                text(lookup, "TANDEM_EDIT_TOKEN", null),
                MetricsAccess.parse(text(lookup, "TANDEM_METRICS", "local")),
                trustedProxies(text(lookup, "TANDEM_TRUSTED_PROXIES", DEFAULT_TRUSTED_PROXIES)),
                longNumber(lookup, "TANDEM_MAX_DOCUMENT_BYTES", DEFAULT_MAX_DOCUMENT_BYTES),
                bool(lookup, "TANDEM_LIST_DOCUMENTS", false),

                AuthMode.parse(text(lookup, "TANDEM_AUTH", "none")),
                list(text(lookup, "TANDEM_ADMINS", "")),
                oidc(lookup));
    }

    private static Oidc oidc(UnaryOperator<String> lookup) {
        if (AuthMode.parse(text(lookup, "TANDEM_AUTH", "none")) != AuthMode.OIDC) {
            return null;
        }
        return new Oidc(text(lookup, "TANDEM_OIDC_ISSUER", null), text(lookup, "TANDEM_OIDC_CLIENT_ID", null),
                text(lookup, "TANDEM_OIDC_CLIENT_SECRET", null), text(lookup, "TANDEM_OIDC_GROUPS_CLAIM", "groups"));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> trustedProxies(String value) {
        // "none" rather than an empty value, which means "unset" and so the default
        return value.equalsIgnoreCase("none") ? List.of() : list(value);
    }

    private static String text(UnaryOperator<String> lookup, String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static boolean bool(UnaryOperator<String> lookup, String name, boolean fallback) {
        String value = text(lookup, name, null);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(name + " must be true or false, not \"" + value + "\"");
    }

    private static int number(UnaryOperator<String> lookup, String name, int fallback) {
        String value = text(lookup, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
        }
    }

    private static long longNumber(UnaryOperator<String> lookup, String name, long fallback) {
        String value = text(lookup, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        // neither the password nor the edit token reaches a log
        return "Settings[dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", allowedOrigins=" + allowedOrigins
                + ", maxMessageBytes=" + maxMessageBytes + ", maxMessagesPerSecond=" + maxMessagesPerSecond
                + ", pingInterval=" + pingInterval + ", idleTimeout=" + idleTimeout + ", throttlePatience=" + throttlePatience
                + ", maxOutboundBytes=" + maxOutboundBytes + ", maxDocuments=" + maxDocuments
                + ", maxConnectionsPerDocument=" + maxConnectionsPerDocument + ", editToken=" + (editToken == null ? "none" : "set")
                + ", metrics=" + metrics + ", trustedProxies=" + trustedProxies + ", maxDocumentBytes=" + maxDocumentBytes
                + ", listDocuments=" + listDocuments
                + ", auth=" + auth + ", admins=" + admins + (oidc == null ? "" : ", oidc=" + oidc) + "]";
    }
}
