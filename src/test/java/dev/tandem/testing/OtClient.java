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
 * The state machine itself is {@link ClientState}, shared with the load generator.
 *
 * <p>Threading: messages are handled on Tyrus's thread and edits made on the test's; both
 * under this object's lock. {@link #awaitRevision} waits on that lock's condition.
 */
public final class OtClient implements AutoCloseable {

    private final String src;
    private final ProtocolClient connection;
    private ClientState state;
    private int sent;
    private AssertionError broken;

    private OtClient(String src, URI uri, SSLContext tls) throws Exception {
        this.src = src;
        this.connection = ProtocolClient.connect(uri, null, this::handle, tls);
        synchronized (this) {
            connection.hello(src, src, null);
            while (state == null && broken == null) {
                wait(ProtocolClient.TIMEOUT.toMillis());
                if (state == null && broken == null) {
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
        send(state.edit(operation));
    }

    /** A local edit made on the text as this client has it at that moment (incoming operations wait meanwhile). */
    public synchronized void edit(java.util.function.Function<String, TextOperation> onText) {
        send(state.edit(onText.apply(state.text())));
    }

    public synchronized String text() {
        return state.text();
    }

    /** Operations sent (each is one revision once acknowledged). */
    public synchronized int sent() {
        return sent;
    }

    /** Waits until every edit of this client is acknowledged (buffered ones go out as acks come). */
    public void awaitSettled() throws InterruptedException {
        awaitUntil(() -> state.isSynchronized(), "unacknowledged edits");
    }

    /** Waits until this client is at {@code head} with nothing unacknowledged. */
    public void awaitRevision(long head) throws InterruptedException {
        awaitUntil(() -> state.rev() >= head && state.isSynchronized(), "revision " + head);
    }

    private synchronized void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ProtocolClient.TIMEOUT.toNanos();
        while (broken == null && !condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(src + " at revision " + state.rev() + " still waits for " + what + "; awaiting " + state.awaiting());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (broken != null) {
            throw broken;
        }
    }

    private void send(ClientState.Outgoing outgoing) {
        if (outgoing == null) {
            return;
        }
        sent++;
        try {
            connection.op(outgoing.rev(), outgoing.seq(), outgoing.operation().toWire());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void handle(Map<String, Object> message) {
        try {
            switch ((String) message.get("type")) {
                case "welcome" -> state = new ClientState((String) message.get("text"), ProtocolClient.number(message, "rev"));
                case "ack" -> send(state.acknowledged(ProtocolClient.number(message, "seq"), ProtocolClient.number(message, "rev")));
                case "op" -> state.received(ProtocolClient.number(message, "rev"),
                        ((WireResult.Valid) TextOperation.fromWire((List<?>) message.get("op"))).operation());
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

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
