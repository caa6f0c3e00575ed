package dev.tandem.store;

import java.util.List;

/**
 * The child process of {@link H2KillTest}: appends to one document, one operation per
 * transaction, and prints {@code acked <head>} after each append returns, until it is killed.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        QuietLogs.apply();
        JdbcDocumentStore store = JdbcDocumentStore.open(args[0], "sa", "");
        long head = store.summary("crash").map(DocumentSummary::rev).orElse(0L);
        while (true) {
            AppendResult result = store.append("crash", head, List.of(Typing.insertAt(head, "writer-1", head + 1)), (int) head + 1);
            head = ((AppendResult.Appended) result).head();
            System.out.println("acked " + head);
            System.out.flush();
        }
    }
}
