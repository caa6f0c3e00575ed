package dev.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link DocumentStore} over JDBC, with the same SQL on H2 (the embedded default) and
 * PostgreSQL. The schema is migrated when the store is built ({@link Schema}).
 *
 * <p>An append is one transaction ({@link AppendTransaction}): it moves the head in {@code documents} only
 * if it is still the expected one (on PostgreSQL a concurrent writer's row lock makes the loser
 * see 0 rows; on H2 appends to one document are serialised in this JVM, see
 * {@link AppendLanes}), then inserts the batch as one log row ({@link OperationRows}) and moves
 * its authors' last seqs ({@link SourceRows}). The primary key of {@code operation_log} is the
 * last guard: if it is violated anyway, the append is a
 * {@link AppendResult.Conflict} too, never an exception, because a second server node relies on
 * losing that way. If a commit itself fails the outcome is unknown and a {@link StoreException}
 * says so: the caller must not acknowledge, and the author's resend is found by {@link #find}.
 * {@link #appendAll} moves the heads of many documents and inserts all their batches in one
 * transaction ({@link GroupAppend}), so that they share one commit.
 * Only prepared statements are used.
 *
 * <p>Threading: safe for concurrent use; each call takes a connection from the data source.
 */
public final class JdbcDocumentStore implements DocumentStore {

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final Clock clock;
    private final AppendLanes lanes;
    private final AccessStore access;

    /** A store over a data source that the caller (e.g. the container) owns and closes. */
    public JdbcDocumentStore(DataSource dataSource) {
        this(dataSource, null, Clock.systemUTC());
    }

    JdbcDocumentStore(DataSource dataSource, AutoCloseable ownedPool, Clock clock) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.clock = clock;
        this.access = new JdbcAccessStore(dataSource, clock);
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            this.lanes = dialect == Dialect.POSTGRESQL ? AppendLanes.none() : AppendLanes.striped();
            dialect.prepare(connection);
            Schema.migrate(connection, dialect);
        } catch (SQLException e) {
            closeQuietly(ownedPool);
            throw new StoreException("cannot open the document store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ownedPool);
            throw e;
        }
    }

    /** A store with its own connection pool (HikariCP) on {@code url}; {@link #close()} closes the pool. */
    public static JdbcDocumentStore open(String url, String user, String password) {
        var pool = ConnectionPool.open(url, user, password);
        return new JdbcDocumentStore(pool, pool, Clock.systemUTC());
    }

    @Override
    public boolean create(String id) {
        return inConnection("create '" + id + "'", connection -> {
            if (DocumentRows.head(connection, id).isPresent()) {
                return false;
            }
            Instant now = CallerContract.truncate(clock.instant());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO documents (id, rev, length, created, updated) VALUES (?, 0, 0, ?, ?)")) {
                insert.setString(1, id);
                Times.set(insert, 2, now);
                Times.set(insert, 3, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (SqlStates.isIntegrityViolation(e)) {
                    return false; // created by someone else between the check and the insert
                }
                throw e;
            }
            // in its own statement after the document's: a crash in between leaves a document
            // without a token, which viewToken then creates
            ViewLinkRows.tokenOf(connection, id, now);
            return true;
        });
    }

    @Override
    public Optional<String> viewToken(String id) {
        return inConnection("find the read-only link of '" + id + "'",
                connection -> ViewLinkRows.tokenOf(connection, id, CallerContract.truncate(clock.instant())));
    }

    @Override
    public Optional<String> documentOfViewToken(String token) {
        return inConnection("find the document of a read-only link", connection -> ViewLinkRows.documentOf(connection, token));
    }

    @Override
    public Optional<StoredDocument> load(String id) {
        return inConnection("load '" + id + "'", connection -> {
            if (DocumentRows.head(connection, id).isEmpty()) {
                return Optional.empty();
            }
            // each statement sees the latest commits; the tail is read last, so it reaches at
            // least to the snapshot read before it and has no gaps
            Snapshot newest = DocumentRows.newestSnapshot(connection, id, Long.MAX_VALUE).orElse(new Snapshot(0, ""));
            return Optional.of(new StoredDocument(id, newest, OperationRows.readFrom(connection, id, newest.rev(), Long.MAX_VALUE)));
        });
    }

    @Override
    public AppendResult append(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        List<StoredOperation> checked = CallerContract.check(id, expectedHead, batch, lengthAfter);
        return lanes.inLane(id, () -> inConnection("append to '" + id + "' at rev " + expectedHead, connection -> {
            connection.setAutoCommit(false);
            try {
                // a second attempt only when a concurrent create at revision 0 got in the way
                for (int attempt = 1; ; attempt++) {
                    try {
                        AppendResult result = AppendTransaction.run(connection, id, expectedHead, checked, lengthAfter);
                        if (result instanceof AppendResult.Appended) {
                            connection.commit();
                        } else {
                            connection.rollback();
                        }
                        return result;
                    } catch (SQLException e) {
                        connection.rollback();
                        if (!SqlStates.isIntegrityViolation(e)) {
                            throw e;
                        }
                        Optional<AppendResult> explained = AppendTransaction.explainViolation(connection, id, expectedHead, checked, e);
                        connection.rollback();
                        if (explained.isPresent()) {
                            return explained.get();
                        }
                        if (attempt == 2) {
                            throw e;
                        }
                    }
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }));
    }

    /**
     * One transaction for all documents ({@link GroupAppend}); if it has to be given up, one
     * {@link #append} per document.
     */
    @Override
    public List<AppendResult> appendAll(List<Append> appends) {
        List<Append> checked = CallerContract.checkAll(appends);
        if (checked.size() == 1) {
            Append only = checked.get(0);
            return List.of(append(only.id(), only.expectedHead(), only.batch(), only.lengthAfter()));
        }
        if (checked.isEmpty()) {
            return List.of();
        }
        List<String> ids = checked.stream().map(Append::id).toList();
        Optional<List<AppendResult>> together = lanes.inLanes(ids, () -> inConnection(
                "append to " + ids.size() + " documents (" + ids.get(0) + ", …)", connection -> GroupAppend.run(connection, checked)));
        if (together.isPresent()) {
            return together.get();
        }
        List<AppendResult> results = new ArrayList<>(checked.size());
        for (Append append : checked) {
            results.add(append(append.id(), append.expectedHead(), append.batch(), append.lengthAfter()));
        }
        return results;
    }

    @Override
    public List<StoredOperation> read(String id, long from, long to) {
        CallerContract.checkRange(from, to);
        if (to <= from) {
            return List.of();
        }
        return inConnection("read '" + id + "' from " + from + " to " + to, connection -> OperationRows.readFrom(connection, id, from, to));
    }

    @Override
    public Optional<StoredOperation> find(String id, String src, long seq) {
        return inConnection("find src " + src + " seq " + seq + " in '" + id + "'", connection -> LogSearch.find(connection, id, src, seq));
    }

    @Override
    public long lastSeq(String id, String src) {
        return inConnection("last seq of src " + src + " in '" + id + "'",
                connection -> SourceRows.last(connection, id, src).map(SourceRows.Last::seq).orElse(-1L));
    }

    @Override
    public void saveSnapshot(String id, Snapshot snapshot) {
        inConnection("save the snapshot of '" + id + "' at rev " + snapshot.rev(), connection -> {
            Optional<Long> head = DocumentRows.head(connection, id);
            if (head.isEmpty()) {
                throw new IllegalArgumentException("no document '" + id + "' to keep a snapshot of (at rev " + snapshot.rev() + ")");
            }
            CallerContract.checkSnapshot(id, snapshot, head.get());
            if (DocumentRows.hasSnapshot(connection, id, snapshot.rev())) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snapshots (doc, rev, text) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, snapshot.rev());
                insert.setString(3, WireJson.writeText(snapshot.text()));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!SqlStates.isIntegrityViolation(e)) {
                    throw e;
                }
                // saved by someone else between the check and the insert: same text, nothing to do
            }
            return null;
        });
    }

    @Override
    public Optional<Snapshot> snapshotAtOrBefore(String id, long rev) {
        if (rev < 0) {
            return Optional.empty();
        }
        return inConnection("find the snapshot of '" + id + "' at or before rev " + rev, connection -> {
            Optional<Snapshot> stored = DocumentRows.newestSnapshot(connection, id, rev);
            if (stored.isPresent() || DocumentRows.head(connection, id).isEmpty()) {
                return stored;
            }
            return Optional.of(new Snapshot(0, ""));
        });
    }

    @Override
    public List<DocumentSummary> list(int limit) {
        CallerContract.checkLimit(limit);
        return inConnection("list documents", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, rev, length, updated FROM documents ORDER BY updated DESC, id LIMIT ?")) {
                query.setInt(1, limit);
                return DocumentRows.summaries(query);
            }
        });
    }

    @Override
    public Optional<DocumentSummary> summary(String id) {
        return inConnection("summarise '" + id + "'", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, rev, length, updated FROM documents WHERE id = ?")) {
                query.setString(1, id);
                return DocumentRows.summaries(query).stream().findFirst();
            }
        });
    }

    @Override
    public AccessStore access() {
        return access;
    }

    /** The data source under the store (for tests that look at the tables). */
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closeQuietly(ownedPool);
    }

    @Override
    public boolean nameVersion(String id, NamedVersion version) {
        NamedVersion cut = CallerContract.checkVersion(id, version);
        return inConnection("name rev " + version.rev() + " of '" + id + "'", connection -> {
            CallerContract.checkNamedRevision(id, version.rev(), DocumentRows.head(connection, id));
            return VersionRows.insert(connection, id, cut);
        });
    }

    @Override
    public List<NamedVersion> versions(String id) {
        return inConnection("list the named versions of '" + id + "'", connection -> VersionRows.list(connection, id));
    }

    @Override
    public boolean renameVersion(String id, long rev, String name) {
        return inConnection("rename version " + rev + " of '" + id + "'", connection -> VersionRows.rename(connection, id, rev, name));
    }

    @Override
    public boolean deleteVersion(String id, long rev) {
        return inConnection("delete version " + rev + " of '" + id + "'", connection -> VersionRows.delete(connection, id, rev));
    }

    @Override
    public boolean openThread(String id, CommentThread thread) {
        CommentThread cut = CallerContract.checkThread(id, thread);
        return inTransaction("open thread " + thread.id() + " in '" + id + "'", connection -> {
            CallerContract.checkNamedRevision(id, thread.rev(), DocumentRows.head(connection, id));
            return CommentRows.open(connection, id, cut);
        });
    }

    @Override
    public boolean addComment(String id, Comment comment) {
        Comment cut = CallerContract.checkComment(comment);
        return inTransaction("add comment " + comment.id() + " to '" + id + "'", connection -> CommentRows.add(connection, id, cut));
    }

    @Override
    public List<CommentThread> threads(String id) {
        return inConnection("list the threads of '" + id + "'", connection -> CommentRows.threads(connection, id));
    }

    @Override
    public boolean resolveThread(String id, String thread, boolean resolved, String by) {
        return inConnection("resolve thread " + thread + " of '" + id + "'", connection -> CommentRows.resolve(connection, id, thread, resolved, by));
    }

    @Override
    public boolean editComment(String id, String comment, String text, Instant edited) {
        return inConnection("edit comment " + comment + " of '" + id + "'",
                connection -> CommentRows.edit(connection, id, comment, text, CallerContract.truncate(edited)));
    }

    @Override
    public boolean deleteComment(String id, String comment) {
        return inTransaction("delete comment " + comment + " of '" + id + "'", connection -> CommentRows.delete(connection, id, comment));
    }

    /**
     * {@code work} in one transaction; a key taken meanwhile by another writer (the rows were
     * checked first, so only a race gets here) is a {@code false} outcome, not an exception.
     */
    private boolean inTransaction(String what, SqlWork<Boolean> work) {
        return inConnection(what, connection -> {
            connection.setAutoCommit(false);
            try {
                boolean done = work.run(connection);
                connection.commit();
                return done;
            } catch (SQLException e) {
                connection.rollback();
                if (SqlStates.isIntegrityViolation(e)) {
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private <T> T inConnection(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + SqlStates.describe(e), e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            System.getLogger(JdbcDocumentStore.class.getName()).log(System.Logger.Level.WARNING, "closing the connection pool failed", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
