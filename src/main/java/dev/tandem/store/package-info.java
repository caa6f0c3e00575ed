/**
 * Durable storage of documents: the {@link dev.tandem.store.DocumentStore} port (operation log,
 * snapshots, metadata) with an in-memory implementation and a JDBC one (an embedded H2 file by
 * default, an embedded SQLite file, or PostgreSQL in production), the same schema and SQL on all
 * three. {@link dev.tandem.store.StoreSettings#open()} opens the configured store: the container's
 * {@code jdbc/tandem} data source when bound, else a pool on the URL.
 *
 * <p>SQLite is the cheaper embedded choice: with the same schema the write path of a
 * 50-document closed loop costs about a quarter of the CPU on it (README, Performance). H2's
 * MVStore is copy-on-write: every commit serialises again each B-tree page it touched, and a
 * round of 50 documents touches a leaf per document in each table; SQLite appends the changed
 * pages to its write-ahead log as they are. Both survive {@code kill -9} of the JVM (the kill
 * tests run on both); neither fsyncs each commit.
 *
 * <h2>The log: one row per document per commit round</h2>
 *
 * <p>The JDBC store writes each append as one row of {@code operation_log}, keyed by
 * {@code (doc, rev)} where {@code rev} is the row's first revision, with its operations in
 * {@code BatchCodec}'s compact binary form and its time once. Rows are contiguous: a row starting
 * at {@code r} with {@code n} revisions is followed by the row starting at {@code r + n}. A
 * commit round of many documents is one transaction with one row per document, instead of one
 * row (and two index entries) per operation. Reads (load, history, {@code /ops} paging,
 * catch-up) read whole rows and cut them to the range asked for.
 *
 * <p>The key is the fence for appends by several writers (server nodes sharing one PostgreSQL):
 * a writer appends only at a head it has seen, which is the end of a row it read or wrote, and
 * rows never change once written. If another writer has appended since, a row starts exactly at
 * that head, so the stale writer's row collides with it on the key, and its whole transaction
 * (the head move, its row, its authors' seqs) fails as a {@code Conflict}. Within one node the
 * guarded update of {@code documents.rev} already decides; the key is what holds between nodes.
 *
 * <h2>Exactly once, without an index over every operation</h2>
 *
 * <p>A client has at most one operation outstanding, and its {@code seq}s increase. So when it
 * resends after a reconnect, the operation it resends is either its newest applied one or not
 * applied at all. The table {@code sources}, {@code (doc, src) → (last seq, its revision)}, answers
 * that: a resend with the last seq is acknowledged at that revision, a higher seq is new. That
 * replaces the unique index over {@code (doc, src, seq)} of every operation, which cost a B-tree
 * entry per operation and, on H2's copy-on-write pages, a rewritten leaf per author per commit.
 * The append moves each of its authors' rows with {@code UPDATE … WHERE seq < (first seq of the
 * batch)}; a batch that repeats or goes behind an applied seq updates nothing, the insert that
 * follows hits the key, and nothing of the batch is written.
 *
 * <p>An older seq can still arrive: a connection that lingered after its client reconnected
 * elsewhere may deliver an operation that was applied long ago. It is never applied again (it is
 * not above the last seq). To still acknowledge it at its original revision, {@code find} then
 * searches the log itself, backwards from the author's last revision: rare, and slower the
 * further back it lies, which is the right trade against an index maintained on every write.
 *
 * <p>Beside it, over the same database, the {@link dev.tandem.store.AccessStore} port keeps users,
 * document owners, access entries, link sharing and API tokens.
 *
 * <p>May depend on {@code dev.tandem.ot}, {@code java.*}, JDBC drivers, HikariCP and
 * {@code jakarta.json} (to read version 2's operations and snapshots); knows nothing of
 * WebSocket, servlets or the document service.
 */
package dev.tandem.store;
