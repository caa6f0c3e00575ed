package dev.tandem.store;

import java.util.List;

/**
 * The child process of {@link H2KillTest}: one thread per document appends to it, one operation
 * per transaction, and prints {@code acked <document> <head>} after each append returns, until
 * the process is killed. Two writers make commits more frequent and their file layout less regular.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        QuietLogs.apply();
        JdbcDocumentStore store = JdbcDocumentStore.open(args[0], "sa", "");
        int writers = Integer.parseInt(args[1]);
        for (int w = 0; w < writers; w++) {
            String document = "crash-" + w;
            store.create(document);
            Thread writer = new Thread(() -> {
                long head = store.summary(document).map(DocumentSummary::rev).orElseThrow();
                while (true) {
                    AppendResult result = store.append(document, head, List.of(Typing.insertAt(head, "writer", head + 1)), (int) head + 1);
                    head = ((AppendResult.Appended) result).head();
                    synchronized (System.out) {
                        System.out.println("acked " + document + " " + head);
                        System.out.flush();
                    }
                }
            }, "writer-" + document);
            writer.start();
        }
    }
}
