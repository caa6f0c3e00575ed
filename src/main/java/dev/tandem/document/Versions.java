package dev.tandem.document;

import dev.tandem.store.DocumentStore;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.NamedVersion;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Names given to revisions. Names live beside the log and never change it, so like
 * {@link History} they need no lane: every call is a store call on the store executor.
 *
 * <p>Threading: any thread; futures complete on the store executor.
 */
final class Versions {

    /** The longest version name, in UTF-16 units: a title, not a text. */
    static final int MAX_NAME_LENGTH = 200;

    private final DocumentStore store;
    private final Executor storeExecutor;
    private final Clock clock;

    Versions(DocumentStore store, Executor storeExecutor, Clock clock) {
        this.store = store;
        this.storeExecutor = storeExecutor;
        this.clock = clock;
    }

    /** A name as given, stripped; {@code null} when it is not one ({@link VersionOutcome#INVALID_NAME}). */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return stripped;
    }

    CompletableFuture<Optional<List<NamedVersion>>> list(String id) {
        return CompletableFuture.supplyAsync(() -> store.summary(id).map(found -> store.versions(id)), storeExecutor);
    }

    CompletableFuture<VersionOutcome> name(String id, long rev, String name, String author) {
        String clean = cleanName(name);
        if (clean == null) {
            return CompletableFuture.completedFuture(VersionOutcome.INVALID_NAME);
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<DocumentSummary> summary = store.summary(id);
            if (summary.isEmpty()) {
                return VersionOutcome.NO_SUCH_DOCUMENT;
            }
            if (rev < 0 || rev > summary.get().rev()) {
                return VersionOutcome.UNKNOWN_REVISION;
            }
            return store.nameVersion(id, new NamedVersion(rev, clean, author, clock.instant()))
                    ? VersionOutcome.DONE : VersionOutcome.NAMED_ALREADY;
        }, storeExecutor);
    }

    CompletableFuture<VersionOutcome> rename(String id, long rev, String name) {
        String clean = cleanName(name);
        if (clean == null) {
            return CompletableFuture.completedFuture(VersionOutcome.INVALID_NAME);
        }
        return CompletableFuture.supplyAsync(() -> store.summary(id).isEmpty() ? VersionOutcome.NO_SUCH_DOCUMENT
                : store.renameVersion(id, rev, clean) ? VersionOutcome.DONE : VersionOutcome.NOT_NAMED, storeExecutor);
    }

    CompletableFuture<VersionOutcome> delete(String id, long rev) {
        return CompletableFuture.supplyAsync(() -> store.summary(id).isEmpty() ? VersionOutcome.NO_SUCH_DOCUMENT
                : store.deleteVersion(id, rev) ? VersionOutcome.DONE : VersionOutcome.NOT_NAMED, storeExecutor);
    }
}
