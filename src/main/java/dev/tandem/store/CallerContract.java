package dev.tandem.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DocumentStore} asks of its callers, checked the same way by every implementation.
 * A call that breaks it is a bug in the caller, so it fails with an
 * {@link IllegalArgumentException} that names the rule and the values, and writes nothing.
 */
final class CallerContract {

    private CallerContract() {
    }

    /**
     * Checks a batch for {@link DocumentStore#append} and returns it with times cut to the
     * microsecond: PostgreSQL and H2 keep no finer, and every store must give back what it took.
     */
    static List<StoredOperation> check(String id, long expectedHead, List<StoredOperation> batch, int lengthAfter) {
        if (expectedHead < 0) {
            throw new IllegalArgumentException("expected head of '" + id + "' is negative: " + expectedHead);
        }
        if (batch == null || batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch for '" + id + "' at rev " + expectedHead);
        }
        if (lengthAfter < 0) {
            throw new IllegalArgumentException("length after the batch for '" + id + "' is negative: " + lengthAfter);
        }
        Map<String, StoredOperation> seen = new HashMap<>();
        StoredOperation[] truncated = new StoredOperation[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            StoredOperation operation = batch.get(i);
            if (operation.rev() != expectedHead + i) {
                throw new IllegalArgumentException("operation " + i + " of the batch for '" + id + "' has rev " + operation.rev()
                        + ", expected " + (expectedHead + i) + " (a batch starts at the expected head and has no gaps)");
            }
            if (operation.operation() == null || operation.src() == null || operation.client() == null || operation.time() == null) {
                throw new IllegalArgumentException("operation at rev " + operation.rev() + " of '" + id
                        + "' lacks its operation, src, client or time: " + operation);
            }
            StoredOperation before = seen.put(operation.src(), operation);
            if (before != null && before.seq() == operation.seq()) {
                throw alreadyApplied(id, operation, before.rev());
            }
            if (before != null && before.seq() > operation.seq()) {
                throw new IllegalArgumentException("src " + operation.src() + " seq " + operation.seq() + " at rev " + operation.rev()
                        + " of '" + id + "' comes after its seq " + before.seq() + " at rev " + before.rev()
                        + " (an author's seqs increase along the log)");
            }
            truncated[i] = new StoredOperation(operation.rev(), operation.operation(), operation.src(), operation.seq(),
                    operation.client(), operation.name(), truncate(operation.time()));
        }
        return List.of(truncated);
    }

    /**
     * Checks every part of {@link DocumentStore#appendAll} as {@link #check} does, and that no
     * document comes twice; returns the parts with their batches' times cut to the microsecond.
     */
    static List<Append> checkAll(List<Append> appends) {
        if (appends == null) {
            throw new IllegalArgumentException("no list of appends");
        }
        Map<String, Integer> seen = new HashMap<>();
        Append[] checked = new Append[appends.size()];
        for (int i = 0; i < appends.size(); i++) {
            Append append = appends.get(i);
            Integer twin = seen.put(append.id(), i);
            if (twin != null) {
                throw new IllegalArgumentException("document '" + append.id() + "' comes twice in one appendAll (at "
                        + twin + " and " + i + "): one batch per document");
            }
            checked[i] = new Append(append.id(), append.expectedHead(),
                    check(append.id(), append.expectedHead(), append.batch(), append.lengthAfter()), append.lengthAfter());
        }
        return List.of(checked);
    }

    static IllegalArgumentException alreadyApplied(String id, StoredOperation operation, long earlierRev) {
        return new IllegalArgumentException("src " + operation.src() + " seq " + operation.seq() + " is already at rev " + earlierRev
                + " of '" + id + "', so it cannot be appended again at rev " + operation.rev() + " (look it up with find first)");
    }

    static IllegalArgumentException notAbove(String id, StoredOperation operation, long lastSeq) {
        return new IllegalArgumentException("src " + operation.src() + " seq " + operation.seq() + " at rev " + operation.rev()
                + " of '" + id + "' is not above its last applied seq " + lastSeq + " (an author's seqs increase along the log)");
    }

    static void checkRange(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("read from a negative rev: " + from + " (to " + to + ")");
        }
    }

    static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("negative list limit: " + limit);
        }
    }

    static void checkSnapshot(String id, Snapshot snapshot, long head) {
        if (snapshot.rev() < 0 || snapshot.rev() > head || snapshot.text() == null) {
            throw new IllegalArgumentException("snapshot of '" + id + "' at rev " + snapshot.rev()
                    + " is outside the log (head " + head + ") or has no text");
        }
    }

    /** Cuts a time to the microsecond, the precision every store keeps. */
    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code version} with its time cut to the microsecond, after checking its revision is not negative. */
    static NamedVersion checkVersion(String id, NamedVersion version) {
        if (version.rev() < 0) {
            throw new IllegalArgumentException("named revision of '" + id + "' is negative: " + version.rev());
        }
        return new NamedVersion(version.rev(), version.name(), version.author(), truncate(version.created()));
    }

    /** A named revision must exist: the document must, and the revision be at most its head. */
    static void checkNamedRevision(String id, long rev, java.util.Optional<Long> head) {
        if (head.isEmpty()) {
            throw new IllegalArgumentException("no document '" + id + "' to name revision " + rev + " of");
        }
        if (rev > head.get()) {
            throw new IllegalArgumentException("revision " + rev + " of '" + id + "' is beyond its head " + head.get());
        }
    }

    /** {@code thread} with times cut to the microsecond, after checking it holds exactly its first comment. */
    static CommentThread checkThread(String id, CommentThread thread) {
        if (thread.comments().size() != 1 || !thread.comments().get(0).thread().equals(thread.id())) {
            throw new IllegalArgumentException("thread " + thread.id() + " of '" + id + "' must open with exactly one comment of its own, not "
                    + thread.comments().size());
        }
        if (thread.rev() < 0 || thread.from() < 0 || thread.to() <= thread.from()) {
            throw new IllegalArgumentException("thread " + thread.id() + " of '" + id + "' is anchored at [" + thread.from() + ", "
                    + thread.to() + ") of revision " + thread.rev());
        }
        return new CommentThread(thread.id(), thread.rev(), thread.from(), thread.to(), thread.quote(), thread.resolved(),
                thread.resolvedBy(), truncate(thread.created()), List.of(checkComment(thread.comments().get(0))));
    }

    static Comment checkComment(Comment comment) {
        return new Comment(comment.id(), comment.thread(), comment.src(), comment.author(), comment.text(), truncate(comment.created()),
                comment.edited() == null ? null : truncate(comment.edited()));
    }
}
