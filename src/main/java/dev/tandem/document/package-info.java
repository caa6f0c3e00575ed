/**
 * The shared document service: per document one serial lane that orders, transforms, stores and
 * fans out operations; presence; catch-up; history.
 *
 * <p>{@link dev.tandem.document.SharedDocumentService} is the implementation, configured by
 * {@link dev.tandem.document.DocumentSettings}. Per loaded document ({@code LiveDocument}, on its
 * {@code SerialLane}): the {@code Sequencer} decides submitted operations, the {@code GroupCommit}
 * makes them durable many per transaction, through the service's one {@code CommitRounds}, which
 * writes the batches of all documents with one commit; {@code CatchUp} sends every session each durable
 * revision in order, {@code Membership} and {@code Presence} handle who is there and where,
 * {@code RecentLog} keeps the recent operations; {@code History} reads the past from the store.
 *
 * <p>Depends on {@code dev.tandem.ot} and {@code dev.tandem.store}; knows nothing of WebSocket or
 * servlets, so any transport (the endpoint, the HTTP API, tests, bots) drives it the same way.
 */
package dev.tandem.document;
