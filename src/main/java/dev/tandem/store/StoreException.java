package dev.tandem.store;

/** The storage failed (I/O, database down, corrupt data): not an expected outcome of a request. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
