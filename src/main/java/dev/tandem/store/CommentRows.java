package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code comment_threads} and {@code comments} tables. */
final class CommentRows {

    private CommentRows() {
    }

    /** Inserts the thread and its first comment; {@code false} (nothing written) when either id is taken. */
    static boolean open(Connection connection, String id, CommentThread thread) throws SQLException {
        if (exists(connection, "SELECT 1 FROM comment_threads WHERE doc = ? AND id = ?", id, thread.id())
                || exists(connection, "SELECT 1 FROM comments WHERE doc = ? AND id = ?", id, thread.comments().get(0).id())) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO comment_threads"
                + " (doc, id, rev, anchor_from, anchor_to, quote, resolved, resolved_by, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, thread.id());
            insert.setLong(3, thread.rev());
            insert.setInt(4, thread.from());
            insert.setInt(5, thread.to());
            insert.setString(6, WireJson.writeText(thread.quote()));
            insert.setBoolean(7, thread.resolved());
            insert.setString(8, thread.resolvedBy());
            Times.set(insert, 9, thread.created());
            insert.executeUpdate();
        }
        insertComment(connection, id, thread.comments().get(0));
        return true;
    }

    /** Inserts a reply; {@code false} when its id is taken. */
    static boolean add(Connection connection, String id, Comment comment) throws SQLException {
        if (exists(connection, "SELECT 1 FROM comments WHERE doc = ? AND id = ?", id, comment.id())) {
            return false;
        }
        if (!exists(connection, "SELECT 1 FROM comment_threads WHERE doc = ? AND id = ?", id, comment.thread())) {
            throw new IllegalArgumentException("no thread " + comment.thread() + " in '" + id + "' to reply to");
        }
        insertComment(connection, id, comment);
        return true;
    }

    private static void insertComment(Connection connection, String id, Comment comment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO comments"
                + " (doc, id, thread, src, author, text, created, edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, comment.id());
            insert.setString(3, comment.thread());
            insert.setString(4, comment.src());
            insert.setString(5, comment.author());
            insert.setString(6, WireJson.writeText(comment.text()));
            Times.set(insert, 7, comment.created());
            if (comment.edited() == null) {
                insert.setNull(8, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                Times.set(insert, 8, comment.edited());
            }
            insert.executeUpdate();
        }
    }

    static List<CommentThread> threads(Connection connection, String id) throws SQLException {
        Map<String, CommentThread> threads = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, rev, anchor_from, anchor_to, quote, resolved, resolved_by,"
                + " created FROM comment_threads WHERE doc = ? ORDER BY created, id")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    threads.put(row.getString(1), new CommentThread(row.getString(1), row.getLong(2), row.getInt(3), row.getInt(4),
                            WireJson.readText(row.getString(5), "the quote of thread " + row.getString(1) + " of '" + id + "'"),
                            row.getBoolean(6), row.getString(7), Times.read(row, "created"), List.of()));
                }
            }
        }
        Map<String, List<Comment>> comments = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, thread, src, author, text, created, edited"
                + " FROM comments WHERE doc = ? ORDER BY created, id")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    comments.computeIfAbsent(row.getString(2), any -> new ArrayList<>()).add(new Comment(row.getString(1), row.getString(2),
                            row.getString(3), row.getString(4),
                            WireJson.readText(row.getString(5), "comment " + row.getString(1) + " of '" + id + "'"),
                            Times.read(row, "created"), row.getObject(7) == null ? null : Times.read(row, "edited")));
                }
            }
        }
        List<CommentThread> all = new ArrayList<>();
        threads.values().forEach(thread -> all.add(thread.withComments(comments.getOrDefault(thread.id(), List.of()))));
        return all;
    }

    static boolean resolve(Connection connection, String id, String thread, boolean resolved, String by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE comment_threads SET resolved = ?, resolved_by = ? WHERE doc = ? AND id = ?")) {
            update.setBoolean(1, resolved);
            update.setString(2, by);
            update.setString(3, id);
            update.setString(4, thread);
            return update.executeUpdate() == 1;
        }
    }

    static boolean edit(Connection connection, String id, String comment, String text, Instant edited) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE comments SET text = ?, edited = ? WHERE doc = ? AND id = ?")) {
            update.setString(1, WireJson.writeText(text));
            Times.set(update, 2, edited);
            update.setString(3, id);
            update.setString(4, comment);
            return update.executeUpdate() == 1;
        }
    }

    /** Deletes a comment and, when it was the last of its thread, the thread (in the caller's transaction). */
    static boolean delete(Connection connection, String id, String comment) throws SQLException {
        String thread;
        try (PreparedStatement query = connection.prepareStatement("SELECT thread FROM comments WHERE doc = ? AND id = ?")) {
            query.setString(1, id);
            query.setString(2, comment);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                thread = row.getString(1);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM comments WHERE doc = ? AND id = ?")) {
            delete.setString(1, id);
            delete.setString(2, comment);
            delete.executeUpdate();
        }
        if (!exists(connection, "SELECT 1 FROM comments WHERE doc = ? AND thread = ?", id, thread)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM comment_threads WHERE doc = ? AND id = ?")) {
                delete.setString(1, id);
                delete.setString(2, thread);
                delete.executeUpdate();
            }
        }
        return true;
    }

    private static boolean exists(Connection connection, String sql, String id, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
