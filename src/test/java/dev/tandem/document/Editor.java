package dev.tandem.document;

import dev.tandem.ot.Range;
import dev.tandem.ot.TextOperation;
import dev.tandem.store.StoredOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A test client of the service. It follows the ot.js client rules (one outstanding operation,
 * later edits buffered and composed, incoming operations transformed through both) and checks,
 * per connection, PROTOCOL.md's order: from the welcome on, every revision exactly once and in
 * order, an ack for its own operations and the operation for everyone else's. Acks for resends
 * of revisions already had are allowed and recorded apart.
 *
 * <p>Callbacks come on the service's lane threads and edits from test threads: everything is
 * guarded by the editor's monitor, and waiting is on it (never a sleep).
 */
final class Editor {

    static final long TIMEOUT_MILLIS = 20_000;

    final String src;
    final String name;
    private final DocumentService service;
    private final String doc;
    private final Mode mode;
    private Connection connection;

    private long rev = -1;
    private String text;
    private TextOperation outstanding;
    private long outstandingSeq;
    private TextOperation buffer;
    private long nextSeq = 1;
    private long catchUpUntil = -1;
    private long confirmed;
    private boolean welcomedNotCaughtUp;
    /** Whether the outstanding operation was sent over the current connection. */
    private boolean sent;

    final List<String> violations = new ArrayList<>();
    /** What happened, for the message of a failed wait. */
    private final java.util.ArrayDeque<String> trace = new java.util.ArrayDeque<>();

    private void trace(String event) {
        trace.addLast(event);
        if (trace.size() > 200) {
            trace.removeFirst();
        }
    }
    final List<Welcome> welcomes = new ArrayList<>();
    /** Every ack as {seq, rev}, in arrival order. */
    final List<long[]> acks = new ArrayList<>();
    /** Every revision this editor received (acks of its own and others' operations), in order. */
    final List<Long> revisions = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<StoredOperation> applied = new ArrayList<>();
    final List<String> presence = new ArrayList<>();
    Participant.End ended;

    private Editor(DocumentService service, String doc, String src, String name, Mode mode) {
        this.service = service;
        this.doc = doc;
        this.src = src;
        this.name = name;
        this.mode = mode;
    }

    static Editor join(DocumentService service, String doc, String src) {
        return join(service, doc, src, Mode.EDIT);
    }

    static Editor join(DocumentService service, String doc, String src, Mode mode) {
        Editor editor = new Editor(service, doc, src, src, mode);
        editor.connect(null);
        return editor;
    }

    /** Joins resuming from revision {@code rev}, whose text the caller knows. */
    static Editor resume(DocumentService service, String doc, String src, long rev, String textAtRev) {
        Editor editor = new Editor(service, doc, src, src, Mode.EDIT);
        synchronized (editor) {
            editor.rev = rev;
            editor.text = textAtRev;
        }
        editor.connect(rev);
        return editor;
    }

    /** Drops the connection and resumes from the revision this editor has, resending what was not acknowledged. */
    synchronized void reconnect() {
        trace("reconnect at " + rev);
        connection.participation.leave();
        connect(rev);
    }

    synchronized void leave() {
        connection.participation.leave();
        connection = null;
    }

    private synchronized void connect(Long from) {
        Connection next = new Connection();
        connection = next;
        sent = false;
        catchUpUntil = Long.MAX_VALUE; // nothing is sent until the welcome and the catch-up are in
        next.participation = service.join(doc, new JoinRequest(src, name, from, mode), next);
    }

    /** A local edit, as the editor's user makes it. */
    synchronized void edit(TextOperation operation) {
        text = operation.apply(text);
        if (outstanding == null) {
            outstanding = operation;
            outstandingSeq = nextSeq++;
            sent = false;
            if (!catchingUp()) {
                send();
            }
        } else {
            buffer = buffer == null ? operation : buffer.compose(operation);
        }
    }

    /** A random insert or delete of a few characters. */
    synchronized void editRandomly(Random random) {
        int length = text.length();
        int at = random.nextInt(length + 1);
        TextOperation.Builder op = TextOperation.builder().retain(at);
        if (length - at > 0 && random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(Math.min(5, length - at));
            op.delete(n).retain(length - at - n);
        } else {
            StringBuilder inserted = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                inserted.append((char) ('a' + random.nextInt(26)));
            }
            op.insert(inserted.toString()).retain(length - at);
        }
        edit(op.build());
    }

    /** Sends an operation as it is, outside the ot.js rules (for tests of the server's checks). */
    synchronized void submitRaw(long atRev, long seq, TextOperation operation) {
        text = null; // the editor's own copy no longer follows: only revisions are tracked from now on
        connection.participation.submit(atRev, seq, operation);
    }

    synchronized void select(long atRev, List<Range> ranges) {
        connection.participation.select(atRev, ranges);
    }

    synchronized String text() {
        return text;
    }

    synchronized long rev() {
        return rev;
    }

    synchronized boolean isSynchronized() {
        return outstanding == null && buffer == null && !catchingUp();
    }

    private boolean catchingUp() {
        return rev < catchUpUntil;
    }

    /** Waits until the condition holds, checked under the editor's monitor after each callback. */
    synchronized void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError(src + " timed out waiting for " + what + "; rev " + rev
                        + ", outstanding " + outstanding + ", buffer " + buffer + ", violations " + violations + ", rejections " + rejections + ", trace " + trace);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    void awaitWelcome() {
        await(() -> !welcomes.isEmpty(), "a welcome");
    }

    void awaitRev(long r) {
        await(() -> rev >= r, "revision " + r);
    }

    void awaitRejections(int n) {
        await(() -> rejections.size() >= n, n + " rejections");
    }

    void awaitEnded() {
        await(() -> ended != null, "the end of the participation");
    }

    void awaitSynchronizedAt(long head) {
        await(() -> isSynchronized() && rev == head, "being synchronized at " + head);
    }

    private void send() {
        sent = true;
        trace("send " + outstandingSeq + " at " + rev);
        connection.participation.submit(rev, outstandingSeq, outstanding);
    }

    /** How many of its operations the server confirmed (by ack, or by sending it back after a reconnect). */
    synchronized long confirmed() {
        return confirmed;
    }

    /** How many operations it made (seqs 1 to this). */
    synchronized long made() {
        return nextSeq - 1;
    }

    private void serverAck() {
        confirmed++;
        rev++;
        if (buffer != null) {
            outstanding = buffer;
            outstandingSeq = nextSeq++;
            sent = false;
            buffer = null;
            if (!catchingUp()) {
                send();
            }
        } else {
            outstanding = null;
        }
    }

    private void serverOperation(TextOperation operation) {
        TextOperation incoming = operation;
        if (outstanding != null) {
            TextOperation.Pair pair = TextOperation.transform(outstanding, incoming);
            outstanding = pair.aPrime();
            incoming = pair.bPrime();
            if (buffer != null) {
                TextOperation.Pair second = TextOperation.transform(buffer, incoming);
                buffer = second.aPrime();
                incoming = second.bPrime();
            }
        }
        text = incoming.apply(text);
        rev++;
    }

    private void finishCatchUp() {
        if (welcomedNotCaughtUp && rev >= catchUpUntil) {
            welcomedNotCaughtUp = false;
            if (outstanding != null && !sent) {
                send(); // perhaps a resend: same seq as over the previous connection
            }
        }
    }

    /** One connection: its own order check, and events of a connection no longer current are ignored. */
    private final class Connection implements Participant {
        Participation participation;
        long expected = -1;
        boolean ended;

        private boolean current(String event) {
            if (ended) {
                violations.add(event + " after the end of the participation");
            }
            if (expected < 0 && !event.startsWith("welcome") && !event.startsWith("rejected") && !event.startsWith("ended")) {
                violations.add(event + " before the welcome");
            }
            return connection == this;
        }

        private void check(long r, String what) {
            if (r != expected) {
                violations.add(what + " at revision " + r + " while expecting revision " + expected);
            }
            expected = Math.max(expected, r + 1);
        }

        @Override
        public void welcome(Welcome welcome) {
            synchronized (Editor.this) {
                if (expected >= 0) {
                    violations.add("a second welcome");
                }
                expected = welcome.rev();
                if (current("welcome")) {
                    trace("welcome " + welcome.rev() + " " + welcome.head());
                    welcomes.add(welcome);
                    if (welcome.text() != null) {
                        text = welcome.text();
                        rev = welcome.rev();
                    } else if (welcome.rev() != rev) {
                        violations.add("resumed from " + rev + " but welcomed at " + welcome.rev());
                    }
                    catchUpUntil = welcome.head();
                    welcomedNotCaughtUp = true;
                    finishCatchUp();
                }
                Editor.this.notifyAll();
            }
        }

        @Override
        public void acknowledged(long seq, long r) {
            synchronized (Editor.this) {
                boolean resendOfOld = r < expected;
                if (!resendOfOld) {
                    check(r, "ack of " + seq);
                }
                if (current("ack")) {
                    trace("ack " + seq + " at " + r + " awaiting " + outstandingSeq + (outstanding == null ? " (none)" : ""));
                    acks.add(new long[] {seq, r});
                    if (!resendOfOld) {
                        revisions.add(r);
                        if (outstanding != null && seq == outstandingSeq) {
                            serverAck();
                        } else {
                            rev++; // a raw submission: the test tracks no text for it
                        }
                        finishCatchUp();
                    }
                }
                Editor.this.notifyAll();
            }
        }

        @Override
        public void applied(StoredOperation revision) {
            synchronized (Editor.this) {
                check(revision.rev(), "operation");
                if (current("operation")) {
                    trace("op " + revision.rev() + " " + revision.src() + " " + revision.seq());
                    applied.add(revision);
                    revisions.add(revision.rev());
                    if (outstanding != null && revision.src().equals(src) && revision.seq() == outstandingSeq) {
                        serverAck(); // our own, applied before a reconnect: PROTOCOL.md's implicit ack
                    } else if (text != null) {
                        serverOperation(revision.operation());
                    } else {
                        rev++;
                    }
                    finishCatchUp();
                }
                Editor.this.notifyAll();
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            synchronized (Editor.this) {
                if (current("rejected")) {
                    trace("rejected " + rejection);
                    rejections.add(rejection);
                    if (rejection.seq() != null && outstanding != null && rejection.seq() == outstandingSeq) {
                        outstanding = null;
                    }
                }
                Editor.this.notifyAll();
            }
        }

        @Override
        public void selected(String client, long r, List<Range> ranges) {
            event("select " + client + " " + r + " " + ranges);
        }

        @Override
        public void joined(User user) {
            event("join " + user.client() + " " + user.name() + " " + user.color());
        }

        @Override
        public void left(String client) {
            event("leave " + client);
        }

        @Override
        public void ended(End reason) {
            synchronized (Editor.this) {
                current("ended");
                ended = true;
                if (connection == this) {
                    Editor.this.ended = reason;
                }
                Editor.this.notifyAll();
            }
        }

        private void event(String event) {
            synchronized (Editor.this) {
                if (current(event)) {
                    presence.add(event);
                }
                Editor.this.notifyAll();
            }
        }
    }
}
