package dev.tandem.store;

/** What every part of the contract test needs: the store under test. */
interface StoreContract {

    DocumentStore store();

    /** Appends and insists that it worked, naming the outcome when it did not. */
    default long appendOrFail(String id, long expectedHead, java.util.List<StoredOperation> batch, int lengthAfter) {
        AppendResult result = store().append(id, expectedHead, batch, lengthAfter);
        if (result instanceof AppendResult.Appended appended) {
            return appended.head();
        }
        throw new AssertionError("append of " + batch.size() + " to '" + id + "' at " + expectedHead + " gave " + result);
    }
}
