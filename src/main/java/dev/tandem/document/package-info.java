/**
 * The shared document service: per document one serial lane that orders, transforms, stores and
 * fans out operations; presence; catch-up; history.
 *
 * <p>Depends on {@code dev.tandem.ot} and {@code dev.tandem.store}; knows nothing of WebSocket or
 * servlets, so any transport (the endpoint, the HTTP API, tests, bots) drives it the same way.
 */
package dev.tandem.document;
