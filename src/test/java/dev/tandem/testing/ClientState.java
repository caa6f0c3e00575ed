package dev.tandem.testing;

import dev.tandem.ot.DocumentText;
import dev.tandem.ot.TextOperation;

/**
 * The ot.js client's state machine (PROTOCOL.md "Editing"), without any I/O: at most one
 * operation awaits its ack, later edits are composed into a buffer, incoming operations are
 * transformed through both. It checks the order guarantee too: every revision arrives exactly
 * once, in order. The caller sends what {@link #edit} and {@link #acknowledged} return.
 *
 * <p>States as ot.js names them: synchronized ({@code awaiting == null}), awaiting confirm
 * ({@code buffer == null}), awaiting with buffer. The text is a gap buffer, so that a long
 * document edited in one place costs little per operation.
 *
 * <p>Not thread-safe: its owner serialises the calls.
 */
public final class ClientState {

    private final DocumentText text;
    private long rev;
    private long nextSeq = 1;
    private TextOperation awaiting;
    private long awaitingSeq;
    private TextOperation buffer;

    /** A client welcomed with {@code text} at revision {@code rev}. */
    public ClientState(String text, long rev) {
        this.text = new DocumentText(text);
        this.rev = rev;
    }

    /** An operation to send: its {@code seq}, the revision it applies to, and the operation. */
    public record Outgoing(long seq, long rev, TextOperation operation) {
    }

    /** A local edit: applied to the text at once; returns what to send now, or null if it was buffered. */
    public Outgoing edit(TextOperation operation) {
        text.apply(operation);
        if (awaiting == null) {
            return send(operation);
        }
        buffer = buffer == null ? operation : buffer.compose(operation);
        return null;
    }

    /**
     * The ack of the awaited operation at revision {@code ackRev}; returns the buffer to send next,
     * or null. A wrong {@code seq} or revision is a broken protocol: {@link IllegalStateException}.
     */
    public Outgoing acknowledged(long seq, long ackRev) {
        if (awaiting == null || seq != awaitingSeq) {
            throw new IllegalStateException("ack of seq " + seq + " while awaiting " + (awaiting == null ? "nothing" : "seq " + awaitingSeq));
        }
        expectRevision(ackRev);
        awaiting = null;
        if (buffer == null) {
            return null;
        }
        TextOperation next = buffer;
        buffer = null;
        return send(next);
    }

    /** Someone else's operation at revision {@code opRev}: transformed through what is unacknowledged, then applied. */
    public void received(long opRev, TextOperation incoming) {
        expectRevision(opRev);
        if (awaiting != null) {
            TextOperation.Pair pair = TextOperation.transform(awaiting, incoming);
            awaiting = pair.aPrime();
            incoming = pair.bPrime();
        }
        if (buffer != null) {
            TextOperation.Pair pair = TextOperation.transform(buffer, incoming);
            buffer = pair.aPrime();
            incoming = pair.bPrime();
        }
        text.apply(incoming);
    }

    /** Whether nothing is unacknowledged or buffered (then a {@code select} may be sent at {@link #rev()}). */
    public boolean isSynchronized() {
        return awaiting == null && buffer == null;
    }

    /** The newest server revision this client knows. */
    public long rev() {
        return rev;
    }

    public int length() {
        return text.length();
    }

    public String text() {
        return text.toString();
    }

    /** The operation awaiting its ack, for messages. */
    public TextOperation awaiting() {
        return awaiting;
    }

    private Outgoing send(TextOperation operation) {
        awaiting = operation;
        awaitingSeq = nextSeq++;
        return new Outgoing(awaitingSeq, rev, operation);
    }

    /** PROTOCOL.md "Order": each revision once, in revision order. */
    private void expectRevision(long got) {
        if (got != rev) {
            throw new IllegalStateException("got revision " + got + " while at " + rev);
        }
        rev++;
    }
}
