package dev.tandem.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Times in and out of {@code TIMESTAMP WITH TIME ZONE} columns. H2 and PostgreSQL take and give
 * {@link OffsetDateTime}; SQLite has no time type, so there a time is text of one fixed width
 * in UTC ({@code 2026-12-07T22:00:00.000001Z}), which sorts as the time does.
 */
final class Times {

    private static final DateTimeFormatter SQLITE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static void set(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (isSqlite(statement)) {
            statement.setString(index, SQLITE.format(time));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        if (value instanceof String text) {
            return Instant.parse(text);
        }
        return value instanceof OffsetDateTime time ? time.toInstant() : row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static boolean isSqlite(PreparedStatement statement) throws SQLException {
        // a pool hands out its own wrapper: ask for the driver's statement under it
        PreparedStatement driver = statement.isWrapperFor(PreparedStatement.class) ? statement.unwrap(PreparedStatement.class) : statement;
        return driver.getClass().getName().startsWith("org.sqlite.");
    }
}
