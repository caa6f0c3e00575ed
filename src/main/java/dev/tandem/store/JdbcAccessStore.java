package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link AccessStore} over the same database as the {@link JdbcDocumentStore} that made it
 * (tables of schema script {@code 4-users-access.sql}). Every change is one transaction; only
 * prepared statements are used.
 *
 * <p>Threading: safe for concurrent use; each call takes a connection from the data source.
 */
final class JdbcAccessStore implements AccessStore {

    private static final String USER_COLUMNS = "id, issuer, subject, name, email";
    private static final String SUMMARY_COLUMNS = "d.id, d.rev, d.length, d.updated";

    private final DataSource dataSource;
    private final Clock clock;

    JdbcAccessStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public StoredUser signIn(String issuer, String subject, String name, String email, List<String> groups) {
        // checked before any row is written, with a placeholder id
        new StoredUser("-", issuer, subject, name, email, groups);
        return inTransaction("record the sign-in of " + subject, connection -> {
            // a second attempt when a concurrent first sign-in of the same user inserted first
            for (int attempt = 1; ; attempt++) {
                Optional<String> existing = userId(connection, issuer, subject);
                String id = existing.orElseGet(() -> UUID.randomUUID().toString());
                try {
                    if (existing.isPresent()) {
                        update(connection, "UPDATE users SET name = ?, email = ?, signed_in = ? WHERE id = ?",
                                name, email, clock.instant(), id);
                        update(connection, "DELETE FROM user_groups WHERE user_id = ?", id);
                    } else {
                        update(connection, "INSERT INTO users (id, issuer, subject, name, email, signed_in) VALUES (?, ?, ?, ?, ?, ?)",
                                id, issuer, subject, name, email, clock.instant());
                    }
                    for (String group : groups.stream().distinct().toList()) {
                        update(connection, "INSERT INTO user_groups (user_id, group_name) VALUES (?, ?)", id, group);
                    }
                    return new StoredUser(id, issuer, subject, name, email, groups.stream().distinct().toList());
                } catch (SQLException e) {
                    if (attempt == 2 || !SqlStates.isIntegrityViolation(e)) {
                        throw e;
                    }
                    connection.rollback();
                }
            }
        });
    }

    @Override
    public Optional<StoredUser> user(String id) {
        return inConnection("find user " + id, connection -> users(connection,
                "SELECT " + USER_COLUMNS + " FROM users WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public List<StoredUser> findUsers(String prefix, int limit) {
        CallerContract.checkLimit(limit);
        String pattern = likePrefix(prefix);
        return inConnection("find users", connection -> users(connection, "SELECT " + USER_COLUMNS + " FROM users"
                + " WHERE LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\' OR LOWER(subject) LIKE ? ESCAPE '\\'"
                + " ORDER BY name, id LIMIT " + limit, pattern, pattern, pattern));
    }

    private static String likePrefix(String prefix) {
        return prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public boolean claim(String document, String owner) {
        return inTransaction("make " + owner + " the owner of '" + document + "'", connection -> {
            requireDocument(connection, document);
            requireUser(connection, owner);
            if (exists(connection, "SELECT 1 FROM document_owners WHERE doc = ?", document)) {
                return false;
            }
            try {
                update(connection, "INSERT INTO document_owners (doc, owner, link_sharing, changed) VALUES (?, ?, ?, ?)",
                        document, owner, LinkSharing.OFF.wireName(), now());
                return true;
            } catch (SQLException e) {
                if (SqlStates.isIntegrityViolation(e)) {
                    return false; // claimed by someone else between the check and the insert
                }
                throw e;
            }
        });
    }

    @Override
    public void changeOwner(String document, String owner) {
        inTransaction("make " + owner + " the owner of '" + document + "'", connection -> {
            requireOwned(connection, document);
            requireUser(connection, owner);
            update(connection, "UPDATE document_owners SET owner = ?, changed = ? WHERE doc = ?", owner, now(), document);
            update(connection, "DELETE FROM document_access WHERE doc = ? AND kind = ? AND grantee = ?",
                    document, Grantee.Kind.USER.wireName(), owner);
            return null;
        });
    }

    @Override
    public Optional<DocumentAccess> access(String document) {
        return inConnection("read the access rules of '" + document + "'", connection -> {
            String owner;
            LinkSharing sharing;
            try (PreparedStatement query = prepare(connection, "SELECT owner, link_sharing FROM document_owners WHERE doc = ?", document);
                 ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                owner = row.getString(1);
                sharing = LinkSharing.parse(row.getString(2));
            }
            Map<Grantee, Role> entries = new HashMap<>();
            try (PreparedStatement query = prepare(connection, "SELECT kind, grantee, role FROM document_access WHERE doc = ?", document);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.put(new Grantee(Grantee.Kind.parse(rows.getString(1)), rows.getString(2)), Role.parse(rows.getString(3)));
                }
            }
            return Optional.of(new DocumentAccess(document, owner, entries, sharing));
        });
    }

    @Override
    public void grant(String document, Grantee grantee, Role role) {
        inTransaction("share '" + document + "'", connection -> {
            requireOwned(connection, document);
            if (grantee.kind() == Grantee.Kind.USER) {
                requireUser(connection, grantee.name());
            }
            int changed = update(connection, "UPDATE document_access SET role = ? WHERE doc = ? AND kind = ? AND grantee = ?",
                    role.wireName(), document, grantee.kind().wireName(), grantee.name());
            if (changed == 0) {
                update(connection, "INSERT INTO document_access (doc, kind, grantee, role) VALUES (?, ?, ?, ?)",
                        document, grantee.kind().wireName(), grantee.name(), role.wireName());
            }
            touch(connection, document);
            return null;
        });
    }

    @Override
    public boolean revoke(String document, Grantee grantee) {
        return inTransaction("unshare '" + document + "'", connection -> {
            boolean removed = update(connection, "DELETE FROM document_access WHERE doc = ? AND kind = ? AND grantee = ?",
                    document, grantee.kind().wireName(), grantee.name()) > 0;
            if (removed) {
                touch(connection, document);
            }
            return removed;
        });
    }

    @Override
    public void setLinkSharing(String document, LinkSharing sharing) {
        inTransaction("set the link sharing of '" + document + "'", connection -> {
            if (update(connection, "UPDATE document_owners SET link_sharing = ?, changed = ? WHERE doc = ?", sharing.wireName(), now(), document) == 0) {
                throw new IllegalArgumentException("document '" + document + "' has no owner: claim it first");
            }
            return null;
        });
    }

    @Override
    public List<DocumentSummary> documentsOf(String user, Collection<String> groups, int limit) {
        CallerContract.checkLimit(limit);
        List<Object> parameters = new ArrayList<>(List.of(user, Grantee.Kind.USER.wireName(), user));
        StringBuilder groupClause = new StringBuilder();
        List<String> distinct = groups.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            groupClause.append(" OR (a.kind = ? AND a.grantee IN (").append("?, ".repeat(distinct.size() - 1)).append("?))");
            parameters.add(Grantee.Kind.GROUP.wireName());
            parameters.addAll(distinct);
        }
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM documents d JOIN document_owners o ON o.doc = d.id"
                + " WHERE o.owner = ? OR EXISTS (SELECT 1 FROM document_access a WHERE a.doc = d.id AND ((a.kind = ? AND a.grantee = ?)"
                + groupClause + "))"
                + " ORDER BY d.updated DESC, d.id LIMIT " + limit;
        return inConnection("list the documents of " + user, connection -> {
            try (PreparedStatement query = prepare(connection, sql, parameters.toArray())) {
                return DocumentRows.summaries(query);
            }
        });
    }

    @Override
    public List<String> accessChangedSince(java.time.Instant since) {
        return inConnection("find documents whose access changed", connection -> {
            List<String> documents = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT doc FROM document_owners WHERE changed >= ?",
                    CallerContract.truncate(since));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    documents.add(rows.getString(1));
                }
            }
            return documents;
        });
    }

    private java.time.Instant now() {
        return CallerContract.truncate(clock.instant());
    }

    private void touch(Connection connection, String document) throws SQLException {
        update(connection, "UPDATE document_owners SET changed = ? WHERE doc = ?", now(), document);
    }

    @Override
    public List<String> groupNames() {
        return inConnection("list the groups of access entries", connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement query = prepare(connection,
                    "SELECT DISTINCT grantee FROM document_access WHERE kind = ? ORDER BY grantee", Grantee.Kind.GROUP.wireName());
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    @Override
    public List<DocumentSummary> ownedDocuments(int limit) {
        CallerContract.checkLimit(limit);
        return inConnection("list owned documents", connection -> {
            try (PreparedStatement query = prepare(connection, "SELECT " + SUMMARY_COLUMNS
                    + " FROM documents d JOIN document_owners o ON o.doc = d.id ORDER BY d.updated DESC, d.id LIMIT " + limit)) {
                return DocumentRows.summaries(query);
            }
        });
    }

    @Override
    public void saveToken(ApiToken token, String digest) {
        inTransaction("save a token of " + token.user(), connection -> {
            requireUser(connection, token.user());
            try {
                update(connection, "INSERT INTO api_tokens (id, user_id, label, scope, digest, created) VALUES (?, ?, ?, ?, ?, ?)",
                        token.id(), token.user(), token.label(), token.scope().wireName(), digest,
                        CallerContract.truncate(token.created()));
            } catch (SQLException e) {
                if (SqlStates.isIntegrityViolation(e)) {
                    throw new IllegalArgumentException("a token with id " + token.id() + " or the same digest exists already", e);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<ApiToken> tokens(String user) {
        return inConnection("list the tokens of " + user, connection -> tokens(connection,
                "SELECT id, user_id, label, scope, created FROM api_tokens WHERE user_id = ? ORDER BY created, id", user));
    }

    @Override
    public boolean revokeToken(String user, String id) {
        return inTransaction("revoke a token of " + user,
                connection -> update(connection, "DELETE FROM api_tokens WHERE id = ? AND user_id = ?", id, user) > 0);
    }

    @Override
    public Optional<ApiToken> tokenOfDigest(String digest) {
        return inConnection("find a token", connection -> tokens(connection,
                "SELECT id, user_id, label, scope, created FROM api_tokens WHERE digest = ?", digest).stream().findFirst());
    }

    // ---- rows ----

    private static Optional<String> userId(Connection connection, String issuer, String subject) throws SQLException {
        try (PreparedStatement query = prepare(connection, "SELECT id FROM users WHERE issuer = ? AND subject = ?", issuer, subject);
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    private static List<StoredUser> users(Connection connection, String sql, Object... parameters) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)});
            }
        }
        List<StoredUser> users = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            List<String> groups = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT group_name FROM user_groups WHERE user_id = ? ORDER BY group_name", row[0]);
                 ResultSet group = query.executeQuery()) {
                while (group.next()) {
                    groups.add(group.getString(1));
                }
            }
            users.add(new StoredUser(row[0], row[1], row[2], row[3], row[4], groups));
        }
        return users;
    }

    private static List<ApiToken> tokens(Connection connection, String sql, String key) throws SQLException {
        List<ApiToken> tokens = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, key); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                tokens.add(new ApiToken(row.getString(1), row.getString(2), row.getString(3), ApiToken.Scope.parse(row.getString(4)),
                        Times.read(row, "created")));
            }
        }
        return tokens;
    }

    private static void requireDocument(Connection connection, String document) throws SQLException {
        if (DocumentRows.head(connection, document).isEmpty()) {
            throw new IllegalArgumentException("no document '" + document + "' to own");
        }
    }

    private static void requireUser(Connection connection, String id) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM users WHERE id = ?", id)) {
            throw new IllegalArgumentException("no user with id " + id);
        }
    }

    private static void requireOwned(Connection connection, String document) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM document_owners WHERE doc = ?", document)) {
            throw new IllegalArgumentException("document '" + document + "' has no owner: claim it first");
        }
    }

    private static boolean exists(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement query = prepare(connection, sql, key); ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR); // the only nullable columns are text
                } else if (parameters[i] instanceof java.time.Instant time) {
                    Times.set(statement, i + 1, time); // SQLite keeps times as text
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    // ---- connections ----

    private <T> T inConnection(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + SqlStates.describe(e), e);
        }
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        return inConnection(what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
