package dev.tandem.testing;

import dev.tandem.ot.TextOperation;
import dev.tandem.ot.WireResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * An editor as ot.js's client is one (PROTOCOL.md "Editing"): at most one operation awaits its
 * ack, later edits are composed into a buffer, incoming operations are transformed against
 * both. It also checks the order guarantee: every revision arrives exactly once, in order.
 *
 * <p>Threading: messages are handled on Tyrus's thread and edits made on the test's; both
 * under this object's lock. {@link #awaitRevision} waits on that lock's condition.
 */
public final class OtClient implements AutoCloseable {

    private final String src;
    private final ProtocolClient connection;
    private String text;
    private long rev;
    private long nextSeq = 1;
    private TextOperation awaiting;
    private long awaitingSeq;
    private TextOperation buffer;
    private int sent;
    private AssertionError broken;

    private OtClient(String src, URI uri, SSLContext tls) throws Exception {
        this.src = src;
        this.connection = ProtocolClient.connect(uri, null, this::handle, tls);
        synchronized (this) {
            connection.hello(src, src, null);
            while (text == null && broken == null) {
                wait(ProtocolClient.TIMEOUT.toMillis());
                if (text == null && broken == null) {
                    throw new AssertionError(src + ": no welcome");
                }
            }
        }
    }

    public static OtClient join(String src, URI uri) throws Exception {
        return new OtClient(src, uri, null);
    }

    /** Joins over {@code wss://}, trusting what {@code tls} trusts. */
    public static OtClient join(String src, URI uri, SSLContext tls) throws Exception {
        return new OtClient(src, uri, tls);
    }

    /** A local edit, as a user typing would make it. */
    public synchronized void edit(TextOperation operation) {
        text = operation.apply(text);
        if (awaiting == null) {
            send(operation);
        } else {
            buffer = buffer == null ? operation : buffer.compose(operation);
        }
    }

    public synchronized String text() {
        return text;
    }

    /** Operations sent (each is one revision once acknowledged). */
    public synchronized int sent() {
        return sent;
    }

    /** Waits until every edit of this client is acknowledged (buffered ones go out as acks come). */
    public void awaitSettled() throws InterruptedException {
        awaitUntil(() -> awaiting == null && buffer == null, "unacknowledged edits");
    }

    /** Waits until this client is at {@code head} with nothing unacknowledged. */
    public void awaitRevision(long head) throws InterruptedException {
        awaitUntil(() -> rev >= head && awaiting == null && buffer == null, "revision " + head);
    }

    private synchronized void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ProtocolClient.TIMEOUT.toNanos();
        while (broken == null && !condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(src + " at revision " + rev + " still waits for " + what + "; awaiting " + awaiting);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (broken != null) {
            throw broken;
        }
    }

    private void send(TextOperation operation) {
        awaiting = operation;
        awaitingSeq = nextSeq++;
        sent++;
        try {
            connection.op(rev, awaitingSeq, operation.toWire());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void handle(Map<String, Object> message) {
        try {
            switch ((String) message.get("type")) {
                case "welcome" -> {
                    text = (String) message.get("text");
                    rev = ProtocolClient.number(message, "rev");
                }
                case "ack" -> {
                    expectRevision(ProtocolClient.number(message, "rev"));
                    if (awaiting == null || ProtocolClient.number(message, "seq") != awaitingSeq) {
                        throw new AssertionError(src + ": unexpected " + message);
                    }
                    awaiting = null;
                    if (buffer != null) {
                        TextOperation next = buffer;
                        buffer = null;
                        send(next);
                    }
                }
                case "op" -> {
                    expectRevision(ProtocolClient.number(message, "rev"));
                    TextOperation incoming = ((WireResult.Valid) TextOperation.fromWire((List<?>) message.get("op"))).operation();
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
                    text = incoming.apply(text);
                }
                case "error" -> throw new AssertionError(src + ": " + message);
                default -> {
                    // presence and pongs do not change the text
                }
            }
        } catch (AssertionError | RuntimeException e) {
            broken = e instanceof AssertionError a ? a : new AssertionError(src + ": " + e, e);
        }
        notifyAll();
    }

    /** PROTOCOL.md "Order": each revision once, in revision order. */
    private void expectRevision(long got) {
        if (got != rev) {
            throw new AssertionError(src + ": got revision " + got + " while at " + rev);
        }
        rev++;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
