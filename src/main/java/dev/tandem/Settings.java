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
 *                             {@link dev.tandem.store.StoreSettings#defaultUrl}). A container
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
 * @param pingInterval         {@code TANDEM_PING_SECONDS}: how often the server pings each WebSocket; 30 s
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
 */
public record Settings(String dbUrl, String dbUser, String dbPassword, List<String> allowedOrigins,
                       int maxMessageBytes, int maxMessagesPerSecond, Duration pingInterval, Duration idleTimeout,
                       Duration throttlePatience, long maxOutboundBytes, int maxDocuments, int maxConnectionsPerDocument,
                       String editToken) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 200;

    public Settings {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("TANDEM_MAX_MESSAGE_BYTES must be at least 1024, not " + maxMessageBytes);
        }
        if (maxMessagesPerSecond < 1) {
            throw new IllegalArgumentException("TANDEM_MAX_MESSAGES_PER_SECOND must be at least 1, not " + maxMessagesPerSecond);
        }
        if (maxOutboundBytes < maxMessageBytes) {
            throw new IllegalArgumentException("TANDEM_MAX_OUTBOUND_BYTES must be at least TANDEM_MAX_MESSAGE_BYTES ("
                    + maxMessageBytes + "), not " + maxOutboundBytes);
        }
        if (maxDocuments < 1 || maxConnectionsPerDocument < 1) {
            throw new IllegalArgumentException("TANDEM_MAX_DOCUMENTS and TANDEM_MAX_CONNECTIONS_PER_DOCUMENT must be at least 1, not "
                    + maxDocuments + " and " + maxConnectionsPerDocument);
        }
        if (pingInterval.isNegative() || pingInterval.isZero() || idleTimeout.compareTo(pingInterval) < 0 || throttlePatience.isNegative()) {
            throw new IllegalArgumentException("TANDEM_PING_SECONDS must be positive and at most TANDEM_IDLE_TIMEOUT_SECONDS, and"
                    + " TANDEM_THROTTLE_PATIENCE_SECONDS not negative: " + pingInterval + ", " + idleTimeout + ", " + throttlePatience);
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
                Arrays.stream(text(lookup, "TANDEM_ALLOWED_ORIGINS", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                number(lookup, "TANDEM_MAX_MESSAGE_BYTES", DEFAULT_MAX_MESSAGE_BYTES),
                number(lookup, "TANDEM_MAX_MESSAGES_PER_SECOND", DEFAULT_MAX_MESSAGES_PER_SECOND),
                Duration.ofSeconds(number(lookup, "TANDEM_PING_SECONDS", 30)),
                Duration.ofSeconds(number(lookup, "TANDEM_IDLE_TIMEOUT_SECONDS", 120)),
                Duration.ofSeconds(number(lookup, "TANDEM_THROTTLE_PATIENCE_SECONDS", 10)),
                number(lookup, "TANDEM_MAX_OUTBOUND_BYTES", 16 << 20),
                number(lookup, "TANDEM_MAX_DOCUMENTS", 10_000),
                number(lookup, "TANDEM_MAX_CONNECTIONS_PER_DOCUMENT", 500),
                text(lookup, "TANDEM_EDIT_TOKEN", null));
    }

    private static String text(UnaryOperator<String> lookup, String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
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

    @Override
    public String toString() {
        // neither the password nor the edit token reaches a log
        return "Settings[dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", allowedOrigins=" + allowedOrigins
                + ", maxMessageBytes=" + maxMessageBytes + ", maxMessagesPerSecond=" + maxMessagesPerSecond
                + ", pingInterval=" + pingInterval + ", idleTimeout=" + idleTimeout + ", throttlePatience=" + throttlePatience
                + ", maxOutboundBytes=" + maxOutboundBytes + ", maxDocuments=" + maxDocuments
                + ", maxConnectionsPerDocument=" + maxConnectionsPerDocument + ", editToken=" + (editToken == null ? "none" : "set") + "]";
    }
}
