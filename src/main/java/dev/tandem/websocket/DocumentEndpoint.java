package dev.tandem.websocket;

import dev.tandem.Settings;
import dev.tandem.access.AccessControl;
import dev.tandem.access.Caller;
import dev.tandem.access.CallerPrincipal;
import dev.tandem.document.DocumentId;
import dev.tandem.document.Mode;
import dev.tandem.store.Role;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PROTOCOL.md's WebSocket, {@code /ws/docs/{id}}: a thin adapter that wires one connection's
 * {@link Connection} to the container. One instance per connection (made by
 * {@link EndpointConfigurator}); it holds nothing shared.
 *
 * <p>Threading: the container calls the {@code @On…} methods one at a time per connection.
 * Heartbeats and closes run on the shared timers, so neither the container's reader nor the
 * document's lane ever waits on the network. A connection over its message rate is paused
 * here, on its own reader thread: the container then stops reading from it, and nothing it sent
 * is dropped.
 *
 * <p>Messages are taken in parts and assembled here, up to the configured maximum, rather than
 * whole by the container: Tomcat allocates each connection's message buffer at its maximum size
 * up front (a 1 MiB limit cost 2 MiB of heap per idle connection), while a part buffer of
 * {@link #PART_BUFFER} costs little and the rare large message is assembled only while it lasts.
 */
@ServerEndpoint(value = "/ws/docs/{id}",
        encoders = {ServerMessageEncoder.class, BatchEncoder.class},
        configurator = EndpointConfigurator.class)
public final class DocumentEndpoint {

    private static final Logger LOG = Logger.getLogger(DocumentEndpoint.class.getName());
    /** How long opening a read-only link may wait for the store to resolve its token. */
    static final long LOOKUP_TIMEOUT_SECONDS = 5;

    /** The container's buffer per connection for a part of a message, in characters (and bytes for binary). */
    static final int PART_BUFFER = 8 * 1024;

    private final EndpointContext context;
    private Session session;
    private Connection connection;
    private RateLimit rate;
    private ScheduledFuture<?> heartbeat;
    /** With sign-in: the watch on the document's rules, closed with the connection. */
    private AutoCloseable accessWatch;
    private volatile long lastHeard = System.nanoTime();
    /** The document as log lines name it: its id, never a read-only link's token. */
    private String logDoc = "-";
    /** The close code the server chose, or 0 while it has not closed: for the close's log line. */
    private volatile int closedWith;
    private ClientMessageDecoder decoder;
    /** The parts of a text message so far; {@code null} between messages. */
    private StringBuilder parts;
    /** The rest of a message already refused as too large is skipped. */
    private boolean skippingTooLarge;

    // package-private: ViewEndpoint wraps one
    DocumentEndpoint(EndpointContext context) {
        this.context = context;
    }

    @OnOpen
    public void open(Session session, @PathParam("id") String id) {
        AccessControl access = context.access();
        if (access == null || !DocumentId.isValid(id)) {
            start(session, id, id, Mode.EDIT);
            return;
        }
        // with sign-in the handshake passed web.AccessFilter, which found a role; the rules are kept in memory
        Caller caller = CallerPrincipal.callerOf(session.getUserPrincipal());
        Role role = access.roleOf(id, caller).orElse(null);
        if (role == null) {
            refuse(session, id, Failure.ACCESS_LOST, "no access to this document");
            return;
        }
        Mode mode = role.mayEdit() ? Mode.EDIT : Mode.VIEW;
        start(session, id, id, mode);
        if (caller.isSignedIn()) {
            connection.signedInAs(caller.user().name());
        }
        accessWatch = access.watch(id, () -> reconsider(access, id, caller, mode));
        reconsider(access, id, caller, mode); // a change between the decision and the watch
    }

    /**
     * The document's rules changed (called on the changing thread, must not block): a connection
     * whose caller lost the role it was opened with is closed with 1008; one whose caller may now
     * edit where it only viewed is closed with 1012, so that the client reconnects and edits.
     */
    private void reconsider(AccessControl access, String id, Caller caller, Mode mode) {
        Role now = access.roleOf(id, caller).orElse(null);
        if (now == null || (mode == Mode.EDIT && !now.mayEdit())) {
            connection.fail(Failure.ACCESS_LOST, now == null ? "access to the document was removed" : "you may only view now", null);
        } else if (mode == Mode.VIEW && now.mayEdit()) {
            connection.fail(Failure.ACCESS_RAISED, "you may edit now: reconnect", null);
        }
    }

    /**
     * A read-only link's connection ({@link ViewEndpoint}): its token is resolved to the document
     * here, once, on the container's thread before any message is read (one indexed lookup,
     * bounded by {@link #LOOKUP_TIMEOUT_SECONDS}). The client only ever sees the token: the
     * welcome names the document by it, so the view link never reveals the editing id.
     */
    void openView(Session session, String token) {
        String id;
        try {
            id = context.service().documentOfViewToken(token).toCompletableFuture()
                    .get(LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(session, token, Failure.STORE_FAILURE, "interrupted");
            return;
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "looking up a read-only link failed", e);
            refuse(session, token, Failure.STORE_FAILURE, "the store is not available; try again later");
            return;
        }
        if (id == null) {
            refuse(session, token, Failure.INVALID_ID, "no such read-only link");
            return;
        }
        start(session, id, token, Mode.VIEW);
    }

    /** Opens the connection to document {@code id}, named {@code shownAs} to its client. */
    private void start(Session session, String id, String shownAs, Mode mode) {
        Settings settings = context.settings();
        this.session = session;
        // the container's idle timeout is its default, set before any session exists (TandemListener)
        session.setMaxTextMessageBufferSize(Math.min(PART_BUFFER, settings.maxMessageBytes()));
        session.setMaxBinaryMessageBufferSize(Math.min(PART_BUFFER, settings.maxMessageBytes()));
        decoder = new ClientMessageDecoder(settings.maxMessageBytes());
        connection = new Connection(context.service(), id, shownAs, mode, outbox(session), context.metrics(),
                settings.maxMessageBytes());
        context.metrics().opened();
        logDoc = id;
        // key=value lines for log search, without document text (and without a read-only link's token)
        LOG.fine(() -> "event=ws-open session=" + session.getId() + " doc=" + id + " mode=" + mode.wireName());
        if (!DocumentId.isValid(id)) {
            connection.fail(Failure.INVALID_ID, "invalid document id", null);
            return;
        }
        rate = new RateLimit(settings.maxMessagesPerSecond(), settings.throttlePatience().toNanos(), System.nanoTime());
        long ping = settings.pingInterval().toMillis();
        heartbeat = context.timers().scheduleWithFixedDelay(() -> beat(connection.outbox()), ping, ping, TimeUnit.MILLISECONDS);
    }

    /** A connection that never joins anything: it is closed at once with {@code failure}. */
    private void refuse(Session session, String shownAs, Failure failure, String why) {
        this.session = session;
        connection = new Connection(context.service(), null, shownAs, Mode.VIEW, outbox(session), context.metrics(),
                context.settings().maxMessageBytes());
        context.metrics().opened(); // balanced by close()
        LOG.fine(() -> "event=ws-open session=" + session.getId() + " doc=- mode=view refused=" + failure.metricName());
        connection.fail(failure, why, null);
    }

    private Outbox outbox(Session session) {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        return new Outbox(remote::sendObject, completesSendsBeforeWriting(session) ? remote::sendPing : null,
                context.senders(), this::closeSoon, context.settings().maxOutboundBytes(), context.metrics());
    }

    /**
     * Whether the container completes an asynchronous send once it has queued the frame rather
     * than written it: Tyrus (GlassFish) on Grizzly does, so there the outbox asks the client for
     * read receipts to bound what a client that does not read may hold ({@link Outbox}). Tomcat
     * completes a send when the socket took it, and its pings may block, so there it does not.
     */
    static boolean completesSendsBeforeWriting(Session session) {
        return session.getClass().getName().startsWith("org.glassfish.tyrus.");
    }

    @OnMessage
    public void text(String part, boolean last) {
        if (skippingTooLarge) {
            skippingTooLarge = !last;
            return;
        }
        String whole = part;
        if (!last || parts != null) {
            if (parts == null) {
                parts = new StringBuilder(Math.max(2 * part.length(), 16));
            }
            parts.append(part);
            // a UTF-16 unit is at least one UTF-8 byte: over the limit in units is over it in bytes
            if (parts.length() > context.settings().maxMessageBytes()) {
                long units = parts.length();
                parts = null;
                skippingTooLarge = !last;
                if (admitted()) {
                    connection.receive(new ClientMessage.TooLarge(units, context.settings().maxMessageBytes()));
                }
                return;
            }
            if (!last) {
                return;
            }
            whole = parts.toString();
            parts = null;
        }
        if (admitted()) {
            connection.receive(decoder.decode(whole));
        }
    }

    @OnMessage
    public void binary(ByteBuffer part, boolean last) {
        if (last && admitted()) {
            connection.badMessage("binary frame: every message is a JSON text frame");
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        lastHeard = System.nanoTime();
        if (connection != null) {
            connection.outbox().receipt(pong.getApplicationData());
        }
    }

    @OnClose
    public void close(CloseReason reason) {
        // the reason phrase is left out: it is the client's own text, or repeats the server's close line
        LOG.fine(() -> "event=ws-close session=" + (session == null ? "-" : session.getId()) + " doc=" + logDoc
                + " code=" + reason.getCloseCode().getCode() + " by=" + (closedWith == 0 ? "client" : "server"));
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (accessWatch != null) {
            try {
                accessWatch.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not stop watching the document's access", e);
            }
        }
        if (connection != null) {
            context.metrics().closed();
            connection.closed();
        }
    }

    @OnError
    public void error(Throwable failure) {
        // the container closes the connection after this; a broken network is routine
        Level level = failure instanceof IOException ? Level.FINE : Level.WARNING;
        LOG.log(level, "WebSocket " + (session == null ? "" : session.getId()) + " failed", failure);
    }

    /** Rate limit (PROTOCOL.md): pause this reader, or close the connection when it keeps on. */
    private boolean admitted() {
        long now = System.nanoTime();
        lastHeard = now;
        if (rate == null) {
            return false; // refused at open (invalid id): the close is on its way
        }
        long pause = rate.admit(now);
        if (pause == RateLimit.CLOSE) {
            connection.fail(Failure.TOO_FAST, "over " + context.settings().maxMessagesPerSecond() + " messages a second for too long", null);
            return false;
        }
        if (pause > 0) {
            LockSupport.parkNanos(pause);
        }
        return true;
    }

    /** Every ping interval: close a connection silent for too long, else ping it if nothing else is on the way. */
    private void beat(Outbox outbox) {
        long silent = System.nanoTime() - lastHeard;
        if (silent > context.settings().idleTimeout().toNanos()) {
            connection.fail(Failure.IDLE, "silent for " + TimeUnit.NANOSECONDS.toSeconds(silent) + " s", null);
            return;
        }
        if (outbox.isIdle() && session.isOpen()) {
            try {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "ping failed", e);
            }
        }
    }

    /** Closes off the caller's thread: closing writes a frame and may wait on the network. */
    private void closeSoon(CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        closedWith = code;
        context.closes().count(code);
        // limits at work (abuse, too large, too slow to read, capacity) are for operators to see;
        // idle and shutdown closes are routine, and store failures are logged where they happen
        boolean limit = code == CloseReason.CloseCodes.VIOLATED_POLICY.getCode() || code == CloseReason.CloseCodes.TOO_BIG.getCode()
                || code == CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode();
        LOG.log(limit ? Level.INFO : Level.FINE, () -> "event=ws-server-close session=" + (session == null ? "-" : session.getId())
                + " doc=" + logDoc + " code=" + code);
        try {
            context.timers().execute(() -> {
                try {
                    session.close(reason);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "close failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the application is stopping; the container closes every connection itself
        }
    }

}
