/**
 * Durable storage of documents: the {@link dev.tandem.store.DocumentStore} port (operation log,
 * snapshots, metadata) with an in-memory implementation and a JDBC one (embedded H2 by default,
 * PostgreSQL in production). {@link dev.tandem.store.StoreSettings#open()} opens the configured
 * store: the container's {@code jdbc/tandem} data source when bound, else a pool on the URL.
 * Beside it, over the same database, the {@link dev.tandem.store.AccessStore} port keeps users,
 * document owners, access entries, link sharing and API tokens.
 *
 * <p>May depend on {@code dev.tandem.ot}, {@code java.*}, JDBC drivers, HikariCP and
 * {@code jakarta.json} (to read stored operations back); knows nothing of
 * WebSocket, servlets or the document service.
 */
package dev.tandem.store;
