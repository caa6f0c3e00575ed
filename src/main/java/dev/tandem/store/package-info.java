/**
 * Durable storage of documents: the {@link dev.tandem.store.DocumentStore} port (operation log,
 * snapshots, metadata) with an in-memory implementation and a JDBC one (embedded H2 by default,
 * PostgreSQL in production).
 *
 * <p>May depend on {@code dev.tandem.ot} and {@code java.*}/JDBC libraries; knows nothing of
 * WebSocket, servlets or the document service.
 */
package dev.tandem.store;
