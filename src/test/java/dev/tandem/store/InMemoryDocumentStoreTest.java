package dev.tandem.store;

/** The contract on the in-memory store, the reference semantics. */
class InMemoryDocumentStoreTest extends DocumentStoreContract {

    @Override
    protected DocumentStore openStore() {
        return new InMemoryDocumentStore();
    }
}
