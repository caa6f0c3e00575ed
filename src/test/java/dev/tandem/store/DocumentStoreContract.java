package dev.tandem.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract of {@link DocumentStore}, run against every implementation: a subclass per
 * implementation opens a fresh, empty store for each test. The tests live in the interfaces,
 * one per part of the port, so that each file reads in one sitting.
 */
abstract class DocumentStoreContract implements CreateAndLoadContract, AppendContract, AppendAllContract, ReadContract, SnapshotContract,
        ListContract, TextContract, ConcurrencyContract, ViewLinkContract, AccessContract, VersionContract, CommentContract {

    private DocumentStore store;

    /** A new, empty store. */
    protected abstract DocumentStore openStore() throws Exception;

    @BeforeEach
    void openFreshStore() throws Exception {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public DocumentStore store() {
        return store;
    }
}
