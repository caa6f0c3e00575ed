package dev.tandem.websocket;

import dev.tandem.Settings;
import dev.tandem.document.DocumentService;
import dev.tandem.document.JoinRequest;
import dev.tandem.document.Mode;
import dev.tandem.document.Participant;
import dev.tandem.document.Participation;
import dev.tandem.document.Rejection;
import dev.tandem.document.User;
import dev.tandem.document.Welcome;
import dev.tandem.ot.Range;
import dev.tandem.ot.WireResult;
import dev.tandem.store.StoredOperation;
import java.util.List;
import java.util.logging.Logger;

/**
 * One WebSocket connection's side of the protocol: dispatches what the client sends to its
 * {@link Participation} and turns what the {@link DocumentService} says into messages in the
 * connection's {@link Outbox}.
 *
 * <p>Threading: {@link #receive} and {@link #badMessage} are called by the container, one
 * message at a time per connection. The {@link Participant} methods come from the document's
 * lane and only queue messages, so a slow client never holds the lane up. The little state both
 * sides touch (whether a join is under way) is guarded by {@code this}.
 */
final class Connection implements Participant {

    /** PROTOCOL.md: after this many {@code bad-message}s in a row the connection is closed. */
    static final int BAD_MESSAGES_BEFORE_CLOSE = 10;

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());

    private final DocumentService service;
    private final String documentId;
    /** How the client knows the document: its id, or on a read-only link the link's token. */
    private final String shownAs;
    private final Mode mode;
    private final Outbox outbox;
    private final TransportMetrics metrics;
    /** The largest message the server takes, told in the welcome. */
    private final int maxMessageBytes;
    /** With sign-in, the user's name, which replaces the one the client says in {@code hello}; set before any message. */
    private volatile String signedInName;
    /** When the awaited operation was received (one is awaited at a time): for the ack latency. */
    private volatile long opReceivedAt;

    // container thread only
    private int badMessagesInRow;

    // guarded by this: set by a hello, cleared when the service refuses the join
    private boolean helloAccepted;
    private Participation participation;
    private boolean welcomed;
    /** What the hello asked for: only then are comment threads sent (PROTOCOL.md's negotiation). */
    private boolean wantsComments;
    private List<String> askedFeatures;
    /** The additions to version 1 this server grants when asked. */
    private static final List<String> SUPPORTED_FEATURES = List.of("comments");
    private boolean gone;

    Connection(DocumentService service, String documentId, Mode mode, Outbox outbox) {
        this(service, documentId, documentId, mode, outbox, TransportMetrics.NONE, Settings.DEFAULT_MAX_MESSAGE_BYTES);
    }

    Connection(DocumentService service, String documentId, String shownAs, Mode mode, Outbox outbox, TransportMetrics metrics,
               int maxMessageBytes) {
        this.service = service;
        this.documentId = documentId;
        this.shownAs = shownAs;
        this.mode = mode;
        this.outbox = outbox;
        this.metrics = metrics;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * With sign-in: the name others see in presence, cursors and authorship is the signed-in
     * user's, whatever the client's {@code hello} says. Called before the first message.
     */
    void signedInAs(String name) {
        this.signedInName = name;
    }

    /** A decoded client message. */
    void receive(ClientMessage message) {
        if (message instanceof ClientMessage.Malformed malformed) {
            badMessage(malformed.reason());
            return;
        }
        if (message instanceof ClientMessage.TooLarge tooLarge) {
            fail(Failure.TOO_LARGE, "message of " + tooLarge.bytes() + " bytes, over the maximum of " + tooLarge.limit(), null);
            return;
        }
        if (message instanceof ClientMessage.Ping) {
            badMessagesInRow = 0;
            outbox.send(new ServerMessage.Pong());
            return;
        }
        if (message instanceof ClientMessage.Hello hello) {
            hello(hello);
            return;
        }
        Participation joined = participation();
        if (joined == null) {
            badMessage("\"" + (message instanceof ClientMessage.Op ? "op" : "select") + "\" before \"hello\"");
            return;
        }
        badMessagesInRow = 0;
        if (message instanceof ClientMessage.Op op) {
            if (op.operation() instanceof WireResult.Invalid invalid) {
                metrics.rejected(Failure.INVALID_OP.code());
                fail(Failure.INVALID_OP, invalid.reason(), op.seq());
            } else {
                opReceivedAt = System.nanoTime();
                joined.submit(op.rev(), op.seq(), ((WireResult.Valid) op.operation()).operation());
            }
        } else if (message instanceof ClientMessage.Select select) {
            joined.select(select.rev(), select.ranges());
        }
    }

    /** Something that is not a protocol message (or one out of turn). */
    void badMessage(String reason) {
        badMessagesInRow++;
        fail(badMessagesInRow >= BAD_MESSAGES_BEFORE_CLOSE ? Failure.REPEATED_BAD_MESSAGES : Failure.BAD_MESSAGE, reason, null);
    }

    /** Reports a failure as the table says: an error message, a close, or both. */
    void fail(Failure failure, String detail, Long seq) {
        metrics.failed(failure.metricName());
        LOG.fine(() -> "event=ws-failure doc=" + documentId + " code=" + failure.metricName() + (seq == null ? "" : " seq=" + seq));
        if (failure.answers()) {
            outbox.send(failure.error(detail, seq));
        }
        if (failure.closes()) {
            outbox.closeWhenFlushed(failure.closeReason(detail));
        }
    }

    /** The connection is gone (closed by either side): leave the document. */
    void closed() {
        Participation leaving;
        synchronized (this) {
            leaving = participation;
            participation = null;
            gone = true;
        }
        outbox.discard();
        if (leaving != null) {
            leaving.leave();
        }
    }

    private void hello(ClientMessage.Hello hello) {
        boolean second;
        synchronized (this) {
            second = helloAccepted;
            helloAccepted = true;
            if (!second) {
                wantsComments = hello.wantsComments();
                askedFeatures = hello.features().isEmpty() ? null : hello.features();
            }
        }
        if (second) {
            badMessage("second \"hello\"");
            return;
        }
        badMessagesInRow = 0;
        String name = signedInName != null ? signedInName : hello.name();
        Participation joined = service.join(documentId, new JoinRequest(hello.src(), name, hello.rev(), mode), this);
        synchronized (this) {
            if (!gone && helloAccepted && participation == null) {
                participation = joined;
                return;
            }
        }
        joined.leave(); // refused (or closed) before join returned
    }

    Outbox outbox() {
        return outbox;
    }

    private synchronized Participation participation() {
        return participation;
    }

    // ---- Participant: called one at a time from the document's lane; must not block ----

    @Override
    public void welcome(Welcome welcome) {
        synchronized (this) {
            welcomed = true;
        }
        List<String> asked;
        synchronized (this) {
            asked = askedFeatures;
        }
        // a version 1 hello asked for nothing and gets the version 1 welcome, without "features"
        outbox.send(new ServerMessage.Welcome(shownAs, welcome.client(), welcome.mode().wireName(), welcome.rev(),
                welcome.head(), maxMessageBytes, welcome.text(), welcome.users().stream().map(ServerMessage.UserView::of).toList())
                .withFeatures(asked == null ? null : asked.stream().filter(SUPPORTED_FEATURES::contains).toList()));
    }

    @Override
    public void threadChanged(dev.tandem.document.ThreadEvent event) {
        boolean wanted;
        synchronized (this) {
            wanted = wantsComments;
        }
        if (wanted) {
            outbox.send(ServerMessage.Thread.of(event));
        }
    }

    @Override
    public void acknowledged(long seq, long rev) {
        long received = opReceivedAt;
        if (received != 0) { // 0: acknowledged from a catch-up, before any op on this connection
            metrics.acknowledged(System.nanoTime() - received);
        }
        outbox.send(new ServerMessage.Ack(seq, rev));
    }

    @Override
    public void applied(StoredOperation revision) {
        if (mode == Mode.VIEW) {
            // a read-only link's holder edits nothing: the authors' src is none of its business
            outbox.send(new ServerMessage.Op(revision.rev(), revision.operation().toWire(), revision.client(), null, revision.seq()));
        } else {
            outbox.send(OpFrames.of(revision)); // encoded once for all receivers
        }
    }

    @Override
    public void rejected(Rejection rejection) {
        if (rejection.seq() == null) {
            synchronized (this) {
                if (!welcomed) {
                    // the join itself was refused (unknown-rev): the client may say hello again
                    helloAccepted = false;
                    participation = null;
                }
            }
        }
        Failure failure = Failure.of(rejection.code());
        if (rejection.seq() != null) {
            metrics.rejected(failure.code());
        }
        fail(failure, rejection.message(), rejection.seq());
    }

    @Override
    public void selected(String client, long rev, List<Range> ranges) {
        outbox.send(SelectFrames.of(client, rev, ranges)); // encoded once for all receivers
    }

    @Override
    public void joined(User user) {
        outbox.send(new ServerMessage.Join(ServerMessage.UserView.of(user)));
    }

    @Override
    public void left(String client) {
        outbox.send(new ServerMessage.Leave(client));
    }

    @Override
    public void ended(End reason) {
        synchronized (this) {
            participation = null;
        }
        fail(Failure.of(reason), "participation ended: " + reason.name().toLowerCase(), null);
    }
}
