package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.DocumentStore;
import dev.tandem.store.JdbcDocumentStore;
import dev.tandem.store.StoredOperation;
import java.io.PrintStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.util.List;
import java.util.Random;

/**
 * The service under a stream of submissions, to be killed by {@link CrashTest}: a child JVM.
 * Each client (a fixed {@code src}) runs a closed loop of inserts, one outstanding at a time;
 * before each submission it prints {@code SENT src seq rev at text baseLength}, and on each ack
 * {@code ACK src seq rev}. A previous run's unacknowledged operations come as arguments and are
 * resent first, unchanged, as a reconnecting client does.
 *
 * <p>Arguments: jdbcUrl user password documentId clients seed [src:seq:rev:at:text:baseLength ...]
 */
public final class CrashChild {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true);

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        String documentId = args[3];
        int clients = Integer.parseInt(args[4]);
        Random random = new Random(Long.parseLong(args[5]));
        DocumentStore store = JdbcDocumentStore.open(url, args[1], args[2].equals("-") ? "" : args[2]);
        SharedDocumentService service = new SharedDocumentService(store, DocumentSettings.defaults().withSnapshotEvery(100));
        for (int c = 0; c < clients; c++) {
            String src = "crash-client-" + c;
            Loop loop = new Loop(src, new Random(random.nextLong()), Math.max(store.lastSeq(documentId, src), 0) + 1);
            for (int i = 6; i < args.length; i++) {
                String[] pending = args[i].split(":", -1);
                if (pending[0].equals(src)) {
                    loop.resend = pending;
                    loop.nextSeq = Math.max(loop.nextSeq, Long.parseLong(pending[1]) + 1);
                }
            }
            loop.participation = service.join(documentId, new JoinRequest(src, src, null, Mode.EDIT), loop);
        }
        OUT.println("READY");
        new java.util.concurrent.CountDownLatch(1).await(); // the service's threads are daemons: run until killed
    }

    /** One client: closed loop, tracking only the server's revision and length (inserts only). */
    private static final class Loop implements Participant {
        final String src;
        final Random random;
        long nextSeq;
        String[] resend;
        volatile Participation participation;
        long rev;
        int length;
        int outstandingInsert;
        long outstandingSeq = -1;

        Loop(String src, Random random, long nextSeq) {
            this.src = src;
            this.random = random;
            this.nextSeq = nextSeq;
        }

        @Override
        public synchronized void welcome(Welcome welcome) {
            rev = welcome.rev();
            length = welcome.text().length();
            if (resend != null) {
                // unchanged, at its old revision: the service recognises it or transforms it from there
                outstandingSeq = Long.parseLong(resend[1]);
                outstandingInsert = resend[4].length();
                send(Long.parseLong(resend[2]), outstandingSeq, Integer.parseInt(resend[3]), resend[4], Integer.parseInt(resend[5]));
            } else {
                next();
            }
        }

        private void next() {
            outstandingSeq = nextSeq++;
            String text = String.valueOf((char) ('a' + random.nextInt(26))).repeat(1 + random.nextInt(3));
            outstandingInsert = text.length();
            send(rev, outstandingSeq, random.nextInt(length + 1), text, length);
        }

        private void send(long atRev, long seq, int at, String text, int baseLength) {
            OUT.println("SENT " + src + " " + seq + " " + atRev + " " + at + " " + text + " " + baseLength);
            participation.submit(atRev, seq, TextOperation.builder().retain(at).insert(text).retain(baseLength - at).build());
        }

        @Override
        public synchronized void acknowledged(long seq, long ackRev) {
            OUT.println("ACK " + src + " " + seq + " " + ackRev);
            if (seq == outstandingSeq) {
                if (ackRev >= rev) {
                    rev = ackRev + 1;
                    length += outstandingInsert;
                } // else a resend applied before this run began: this client never counted it
                resend = null;
                next();
            }
        }

        @Override
        public synchronized void applied(StoredOperation revision) {
            rev = revision.rev() + 1;
            length = revision.operation().targetLength();
        }

        @Override
        public void rejected(Rejection rejection) {
            OUT.println("REJECTED " + src + " " + rejection);
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

        @Override
        public void ended(End reason) {
            OUT.println("ENDED " + src + " " + reason);
        }
    }
}
