/**
 * The web application around the protocol: {@link dev.tandem.web.TandemListener} reads the
 * {@link dev.tandem.Settings} once, builds the store and the document service, wires the
 * WebSocket endpoint, the servlets of PROTOCOL.md's HTTP API and {@code /health}, and closes
 * everything at shutdown.
 *
 * <p>Servlets are thin adapters over {@link dev.tandem.document.DocumentService}, handed it by
 * constructor. Depends on every other package; nothing depends on it.
 */
package dev.tandem.web;
