package dev.tandem.load;

import dev.tandem.ot.TextOperation;
import dev.tandem.testing.ClientState;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One simulated author over a real WebSocket (the JDK's {@link WebSocket}), speaking PROTOCOL.md
 * as the ot.js client does through {@link ClientState}: one operation outstanding, later edits
 * composed into a buffer, incoming operations transformed; a {@code select} now and then while
 * synchronized; WebSocket pings are answered by the JDK, and {@link #ping} sends the protocol's.
 *
 * <p>Threading: the JDK calls the listener one message at a time; edits come from the
 * scenario's threads. Both go through this object's monitor. Sends are chained, since the JDK
 * allows one outstanding send per WebSocket.
 */
final class Author implements WebSocket.Listener {

    /** How often, in keystrokes, a synchronized author also sends its cursor. */
    private static final int SELECT_EVERY = 16;

    final String src;
    private final Run run;
    private final Random random;
    /** Called (on the listener's thread, outside the lock) after each ack; closed-loop scenarios type from it. */
    private final Consumer<Author> onAck;
    private final Inbox inbox;
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private ClientState state;
    private int cursor;
    private long keystrokes;
    private long awaitingSentAt;
    /** Edits composed into the buffer since it was last sent. */
    private int bufferedEdits;
    private volatile boolean closedByServer;

    Author(String src, Run run, Inbox inbox, long seed, Consumer<Author> onAck) {
        this.src = src;
        this.run = run;
        this.inbox = inbox;
        this.random = new Random(seed);
        this.onAck = onAck;
    }

    /** Opens the WebSocket and says hello; completes when the welcome has arrived. */
    CompletableFuture<Void> connect(HttpClient http, URI ws) {
        http.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(30)).buildAsync(ws, this)
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        welcomed.completeExceptionally(failure);
                    }
                });
        return welcomed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
            sending = CompletableFuture.completedFuture(webSocket);
            send(Wire.hello(src, src));
        }
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last) {
            String frame;
            if (partial.length() == 0) {
                frame = data.toString(); // the whole frame in one part, as usual: no second copy
            } else {
                frame = partial.append(data).toString();
                partial.setLength(0);
            }
            try {
                for (Inbox.Message message : inbox.messages(frame)) {
                    handle(message);
                }
            } catch (RuntimeException e) {
                run.error(src + ": " + e.getMessage());
            }
        } else {
            partial.append(data);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(Inbox.Message received) {
        long now = System.nanoTime();
        boolean ackArrived = false;
        JsonObject message = received.object();
        synchronized (this) {
            switch (received.type()) {
                case WELCOME -> {
                    state = new ClientState(message.getString("text"), message.getJsonNumber("rev").longValueExact());
                    cursor = state.length();
                }
                case ACK -> {
                    ClientState.Outgoing next = state.acknowledged(message.getJsonNumber("seq").longValueExact(),
                            message.getJsonNumber("rev").longValueExact());
                    if (run.measuring) {
                        run.ack.record(now - awaitingSentAt);
                        run.acked.incrementAndGet();
                    }
                    send(next);
                    bufferedEdits = 0;
                    notifyAll();
                    ackArrived = true;
                }
                case OP -> {
                    TextOperation incoming = received.operation();
                    state.received(received.rev(), incoming);
                    cursor = Math.min(incoming.transformPosition(cursor), state.length());
                    run.arrived(received.sentTimes(), received.seq(), now);
                }
                case ERROR -> run.error(src + ": " + message);
                default -> {
                    // select, join, leave, pong: no effect on the text
                }
            }
        }
        if (received.type() == Inbox.Type.WELCOME) {
            welcomed.complete(null);
        }
        if (ackArrived && onAck != null) {
            onAck.accept(this);
        }
    }

    /** A keystroke at this author's cursor: mostly a letter typed, now and then a backspace. */
    synchronized void type() {
        if (state == null || closedByServer) {
            return;
        }
        int length = state.length();
        TextOperation keystroke;
        if (cursor > 0 && random.nextInt(8) == 0) {
            keystroke = TextOperation.splice(length, cursor - 1, 1, "");
            cursor--;
        } else {
            keystroke = TextOperation.splice(length, cursor, 0, String.valueOf((char) ('a' + random.nextInt(26))));
            cursor++;
        }
        edit(keystroke);
        if (++keystrokes % SELECT_EVERY == 0 && state.isSynchronized()) {
            send(Wire.select(state.rev(), cursor, cursor));
        }
    }

    /** Any local edit (a trace's splice, say): applied now, sent when the awaited ack allows. */
    synchronized void edit(TextOperation operation) {
        ClientState.Outgoing outgoing = state.edit(operation);
        if (outgoing == null) {
            bufferedEdits++;
        }
        send(outgoing);
    }

    /** {@link #edit}, first waiting while {@code maxBuffered} edits are composed and unsent (a replay's pace). */
    synchronized void editWhenRoom(TextOperation operation, int maxBuffered) throws InterruptedException {
        while (bufferedEdits >= maxBuffered && !closedByServer) {
            wait(1_000);
        }
        edit(operation);
    }

    /** Sends PROTOCOL.md's application-level ping (what a browser does). */
    synchronized void ping() {
        send(Wire.ping());
    }

    synchronized boolean isSettled() {
        return state != null && state.isSynchronized();
    }

    synchronized long rev() {
        return state == null ? -1 : state.rev();
    }

    synchronized String text() {
        return state.text();
    }

    private void send(ClientState.Outgoing outgoing) {
        if (outgoing == null) {
            return;
        }
        awaitingSentAt = System.nanoTime();
        run.sent(src, outgoing.seq(), awaitingSentAt);
        send(Wire.op(outgoing.rev(), outgoing.seq(), outgoing.operation()));
    }

    private void send(String text) {
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        sending.exceptionally(failure -> {
            if (!closedByServer) {
                run.error(src + ": send failed: " + failure);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedByServer = true;
        if (statusCode != WebSocket.NORMAL_CLOSURE) {
            run.error(src + ": closed by the server with " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedByServer = true;
        welcomed.completeExceptionally(error);
        run.error(src + ": " + error);
    }

    /** Closes normally; gives up (aborts) if the close handshake takes too long. */
    CompletableFuture<Void> close() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
            if (ws == null || closedByServer) {
                return CompletableFuture.completedFuture(null);
            }
            closedByServer = true; // what follows is our own doing
            sending = sending.thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        }
        return sending.orTimeout(10, TimeUnit.SECONDS).handle((w, failure) -> {
            ws.abort();
            return null;
        });
    }
}
