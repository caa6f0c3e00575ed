package dev.tandem.document;

import java.time.Duration;

/**
 * How the document service sizes itself. Built once at start-up from the web application's
 * configuration (or directly by tests); the service reads nothing from the environment.
 *
 * @param snapshotEvery     a snapshot of the text is stored every this many revisions, so that
 *                          loading a document or the text at a revision replays at most this many
 *                          operations. Defaults to 500.
 * @param recentOperations  how many recent operations each loaded document keeps in memory for
 *                          transformation and catch-up; older ones are read from the store.
 *                          Defaults to 2,000.
 * @param recentBytes       and at most about this many bytes of them (estimated), so that a few
 *                          large pastes cannot hold a document's memory up to the count above.
 *                          Defaults to 8 MiB. Operations not yet durable are kept regardless.
 * @param idleUnload        a document with no participants for this long is dropped from memory.
 *                          Defaults to 5 minutes.
 * @param maxBatch          at most this many operations are written in one store transaction.
 *                          Defaults to 1,000.
 * @param laneThreads       threads shared by all documents' lanes (ordering, transformation,
 *                          callbacks; never blocked on I/O). Defaults to the number of processors.
 * @param storeThreads      threads that call the store (commits, loads, history). Several
 *                          documents commit at once only with several; more than the store's
 *                          connection pool holds just wait for a connection. Defaults to 8.
 * @param maxDocuments      documents loaded at once; a join that would load one more ends with
 *                          {@link Participant.End#CAPACITY}. Defaults to 10,000.
 * @param maxSessionsPerDocument sessions of one document at once (joined or joining); one more
 *                          ends with {@link Participant.End#CAPACITY}. Defaults to 500.
 * @param maxDocumentBytes  the largest text of a document, in UTF-8 bytes: an operation that would
 *                          make it larger is refused ({@link Rejection.Code#DOCUMENT_TOO_LARGE}).
 *                          Defaults to 64 MiB.
 */
public record DocumentSettings(int snapshotEvery, int recentOperations, long recentBytes, Duration idleUnload, int maxBatch,
                               int laneThreads, int storeThreads, int maxDocuments, int maxSessionsPerDocument,
                               long maxDocumentBytes) {

    public DocumentSettings {
        if (snapshotEvery < 1 || recentOperations < 1 || recentBytes < 1 || maxBatch < 1 || laneThreads < 1 || storeThreads < 1
                || maxDocuments < 1 || maxSessionsPerDocument < 1 || maxDocumentBytes < 1) {
            throw new IllegalArgumentException("settings must be positive: " + snapshotEvery + ", " + recentOperations + ", " + recentBytes
                    + ", " + maxBatch + ", " + laneThreads + ", " + storeThreads + ", " + maxDocuments + ", " + maxSessionsPerDocument + ", " + maxDocumentBytes);
        }
        if (idleUnload == null || idleUnload.isNegative()) {
            throw new IllegalArgumentException("idleUnload must be zero or positive, got " + idleUnload);
        }
    }

    /** The documented defaults. */
    public static DocumentSettings defaults() {
        return new DocumentSettings(500, 2_000, 8L << 20, Duration.ofMinutes(5), 1_000,
                Runtime.getRuntime().availableProcessors(), 8, 10_000, 500, 64L << 20);
    }

    public DocumentSettings withSnapshotEvery(int operations) {
        return new DocumentSettings(operations, recentOperations, recentBytes, idleUnload, maxBatch, laneThreads, storeThreads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    public DocumentSettings withRecentOperations(int operations) {
        return new DocumentSettings(snapshotEvery, operations, recentBytes, idleUnload, maxBatch, laneThreads, storeThreads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    public DocumentSettings withRecentBytes(long bytes) {
        return new DocumentSettings(snapshotEvery, recentOperations, bytes, idleUnload, maxBatch, laneThreads, storeThreads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    public DocumentSettings withIdleUnload(Duration after) {
        return new DocumentSettings(snapshotEvery, recentOperations, recentBytes, after, maxBatch, laneThreads, storeThreads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    public DocumentSettings withMaxBatch(int operations) {
        return new DocumentSettings(snapshotEvery, recentOperations, recentBytes, idleUnload, operations, laneThreads, storeThreads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    public DocumentSettings withLaneThreads(int threads) {
        return new DocumentSettings(snapshotEvery, recentOperations, recentBytes, idleUnload, maxBatch, threads, storeThreads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    public DocumentSettings withStoreThreads(int threads) {
        return new DocumentSettings(snapshotEvery, recentOperations, recentBytes, idleUnload, maxBatch, laneThreads, threads, maxDocuments, maxSessionsPerDocument, maxDocumentBytes);
    }

    /** The ceilings of loaded documents and of sessions per document. */
    public DocumentSettings withCapacity(int documents, int sessionsPerDocument) {
        return new DocumentSettings(snapshotEvery, recentOperations, recentBytes, idleUnload, maxBatch, laneThreads, storeThreads,
                documents, sessionsPerDocument, maxDocumentBytes);
    }

    /** The largest text of a document, in UTF-8 bytes. */
    public DocumentSettings withMaxDocumentBytes(long bytes) {
        return new DocumentSettings(snapshotEvery, recentOperations, recentBytes, idleUnload, maxBatch, laneThreads, storeThreads,
                maxDocuments, maxSessionsPerDocument, bytes);
    }
}
