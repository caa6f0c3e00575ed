package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Restores a revision as a new operation on the head, submitted by a participant of its own
 * like any editor's: it joins, takes the head it is welcomed at, reverts the
 * {@link History#diff diff} from the restored revision to that head
 * ({@link dev.tandem.ot.Diff#revert}), submits that, and leaves once it is acknowledged. The
 * service transforms it against whatever others submitted meanwhile, so their edits merge, and
 * the restore is one operation in the log that an editor can revert like any other. Nothing
 * in the log is rewritten.
 *
 * <p>Threading: the participant callbacks come from the document's lane; the diff is read on
 * the store executor; {@link #outcome} completes on either.
 */
final class Restore implements Participant {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SRC_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final History history;
    private final String documentId;
    private final long rev;
    private final CompletableFuture<Participation> participation = new CompletableFuture<>();
    final CompletableFuture<RestoreOutcome> outcome = new CompletableFuture<>();

    private Restore(History history, String documentId, long rev) {
        this.history = history;
        this.documentId = documentId;
        this.rev = rev;
    }

    /** Restores {@code rev} of a document known to exist with that revision, in the name of {@code author}. */
    static CompletableFuture<RestoreOutcome> start(DocumentService service, History history, String documentId, long rev, String author) {
        Restore restore = new Restore(history, documentId, rev);
        restore.participation.complete(service.join(documentId, new JoinRequest(freshSrc(), author, null, Mode.EDIT), restore));
        return restore.outcome;
    }

    /** A src of its own per restore: exactly-once needs none across restores, each submits one operation. */
    private static String freshSrc() {
        StringBuilder src = new StringBuilder("restore-");
        for (int i = 0; i < 16; i++) {
            src.append(SRC_ALPHABET.charAt(RANDOM.nextInt(SRC_ALPHABET.length())));
        }
        return src.toString();
    }

    @Override
    public void welcome(Welcome welcome) {
        long head = welcome.head();
        history.diff(documentId, rev, head).whenComplete((diff, failure) -> {
            if (failure != null || !(diff instanceof RevisionDiff.Found found)) {
                finish(new RestoreOutcome.Refused(failure != null ? "the log could not be read: " + failure.getMessage()
                        : "revision " + rev + " cannot be restored at head " + head));
                return;
            }
            TextOperation revert = found.diff().revert();
            if (revert.isNoop()) {
                finish(new RestoreOutcome.Restored(head, false));
            } else {
                participation.join().submit(head, 1, revert);
            }
        });
    }

    @Override
    public void acknowledged(long seq, long appliedAt) {
        finish(new RestoreOutcome.Restored(appliedAt + 1, true));
    }

    @Override
    public void rejected(Rejection rejection) {
        finish(new RestoreOutcome.Refused(rejection.message()));
    }

    @Override
    public void ended(End reason) {
        outcome.complete(new RestoreOutcome.Refused("the service ended the restore: " + reason));
    }

    private void finish(RestoreOutcome result) {
        participation.join().leave();
        outcome.complete(result);
    }

    @Override
    public void applied(StoredOperation revision) {
        // others' operations: the service transforms ours against them
    }

    @Override
    public void selected(String client, long at, List<Range> ranges) {
    }

    @Override
    public void joined(User user) {
    }

    @Override
    public void left(String client) {
    }
}
