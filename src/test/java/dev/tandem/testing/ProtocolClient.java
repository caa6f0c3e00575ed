package dev.tandem.testing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;

/**
 * A protocol test client over Tyrus: what the server sends lands in a queue (a batch frame is
 * split into its messages, in order), and tests wait on it with timeouts, never by sleeping.
 * Messages are plain maps as JSON-B reads them (numbers as {@link BigDecimal}).
 *
 * <p>Threading: Tyrus delivers frames on its own threads; the queue hands them to the test.
 * An optional listener sees each message on Tyrus's thread first (for {@link OtClient}).
 */
public final class ProtocolClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final ClientManager TYRUS = tyrus();

    private final BlockingQueue<Map<String, Object>> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final AtomicInteger frames = new AtomicInteger();
    private final Consumer<Map<String, Object>> listener;
    private volatile Session session;

    private ProtocolClient(Consumer<Map<String, Object>> listener) {
        this.listener = listener;
    }

    private static ClientManager tyrus() {
        ClientManager manager = ClientManager.createClient();
        manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        manager.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, 32 * 1024 * 1024);
        return manager;
    }

    /** Connects without an {@code Origin} header, as a program does. */
    public static ProtocolClient connect(URI uri) throws DeploymentException, IOException {
        return connect(uri, null, null);
    }

    /** Connects with {@code origin} (or none); {@code listener} sees each message before the queue. */
    public static ProtocolClient connect(URI uri, String origin, Consumer<Map<String, Object>> listener)
            throws DeploymentException, IOException {
        return connect(uri, origin, listener, null);
    }

    /** As above; a {@code wss://} server's certificate is checked against {@code tls}'s trust (or the JDK's if null). */
    public static ProtocolClient connect(URI uri, String origin, Consumer<Map<String, Object>> listener, SSLContext tls)
            throws DeploymentException, IOException {
        ProtocolClient client = new ProtocolClient(listener);
        ClientManager manager = TYRUS;
        if (tls != null && "wss".equalsIgnoreCase(uri.getScheme())) { // Tyrus would use it on ws:// too
            manager = tyrus(); // the same shared container, its own TLS settings
            manager.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, new SslEngineConfigurator(tls));
        }
        manager.connectToServer(client.endpoint(), config(origin), uri);
        return client;
    }

    /** Connects with extra handshake headers (e.g. {@code Authorization}), without an {@code Origin}. */
    public static ProtocolClient connect(URI uri, Map<String, String> headers) throws DeploymentException, IOException {
        ProtocolClient client = new ProtocolClient(null);
        TYRUS.connectToServer(client.endpoint(), config(null, headers), uri);
        return client;
    }

    /** The HTTP status of the handshake: 101 when it is accepted (and the connection closed again). */
    public static int handshakeStatus(URI uri, String origin) throws IOException {
        return handshakeStatus(uri, origin, null);
    }

    /** As above, trusting what {@code tls} trusts on {@code wss://}. */
    public static int handshakeStatus(URI uri, String origin, SSLContext tls) throws IOException {
        try (ProtocolClient accepted = connect(uri, origin, null, tls)) {
            return 101;
        } catch (DeploymentHandshakeException refused) {
            return refused.getHttpStatusCode();
        } catch (DeploymentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof org.glassfish.tyrus.core.HandshakeException handshake) {
                    return handshake.getHttpStatusCode();
                }
            }
            throw new IOException("handshake failed without a status", e);
        }
    }

    private static ClientEndpointConfig config(String origin) {
        return config(origin, Map.of());
    }

    private static ClientEndpointConfig config(String origin, Map<String, String> extra) {
        return ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                headers.keySet().removeIf(name -> name.equalsIgnoreCase("Origin"));
                if (origin != null) {
                    headers.put("Origin", List.of(origin));
                }
                extra.forEach((name, value) -> headers.put(name, List.of(value)));
            }
        }).build();
    }

    private Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session opened, EndpointConfig config) {
                session = opened;
                opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) ProtocolClient.this::frame);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }

            @Override
            public void onError(Session s, Throwable failure) {
                // a dropped connection also closes; the tests look at the close
            }
        };
    }

    private void frame(String text) {
        frames.incrementAndGet();
        Object json = JSON.fromJson(text, Object.class);
        List<?> messages = json instanceof List<?> batch ? batch : List.of(json);
        for (Object message : messages) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) message;
            if (listener != null) {
                listener.accept(map);
            }
            inbox.add(map);
        }
    }

    // ---- sending ----

    public void sendRaw(String text) throws IOException {
        try {
            session.getBasicRemote().sendText(text);
        } catch (RejectedExecutionException closing) {
            throw closedWhileSending(closing);
        }
    }

    public void sendBinary(byte[] bytes) throws IOException {
        try {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
        } catch (RejectedExecutionException closing) {
            throw closedWhileSending(closing);
        }
    }

    /**
     * A send that races with the connection's close: Tyrus's client restarts its idle-timeout timer on
     * every send, and that timer's executor is already shut down once the close (say, a server killed
     * under the test) has been handled. That is this client losing its connection, as the
     * IOException of a send on a closed socket would say, not an error of the server's.
     */
    private static IOException closedWhileSending(RejectedExecutionException closing) {
        return new IOException("the connection closed while sending", closing);
    }

    public void send(Map<String, Object> message) throws IOException {
        sendRaw(JSON.toJson(message));
    }

    public void hello(String src, String name, Long rev) throws IOException {
        // written by hand: JSON-B leaves out nulls, and a first hello says "rev":null
        sendRaw("{\"type\":\"hello\",\"src\":" + JSON.toJson(src)
                + (name == null ? "" : ",\"name\":" + JSON.toJson(name)) + ",\"rev\":" + rev + "}");
    }

    public void op(long rev, long seq, List<Object> op) throws IOException {
        Map<String, Object> message = message("op");
        message.put("rev", rev);
        message.put("seq", seq);
        message.put("op", op);
        send(message);
    }

    public void select(long rev, int anchor, int head) throws IOException {
        Map<String, Object> message = message("select");
        message.put("rev", rev);
        message.put("ranges", List.of(Map.of("anchor", anchor, "head", head)));
        send(message);
    }

    public void ping() throws IOException {
        send(message("ping"));
    }

    private static Map<String, Object> message(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        return message;
    }

    // ---- receiving ----

    /** The next message if one comes within {@code wait}, else {@code null}. */
    public Map<String, Object> poll(Duration wait) throws InterruptedException {
        return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next message, whatever it is. */
    public Map<String, Object> next() throws InterruptedException {
        Map<String, Object> message = inbox.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + TIMEOUT + (closed.isDone() ? "; closed: " + closed.getNow(null) : ""));
        }
        return message;
    }

    /**
     * The next message, which must be of {@code type}. Other users coming and going
     * ({@code join}, {@code leave}) are skipped unless asked for: they are not ordered with
     * revisions, so a connection dropped just before may still be leaving.
     */
    public Map<String, Object> next(String type) throws InterruptedException {
        Map<String, Object> message = type.equals("join") || type.equals("leave") ? next() : nextExceptComings();
        if (!type.equals(message.get("type"))) {
            throw new AssertionError("expected a \"" + type + "\" but got " + message);
        }
        return message;
    }

    /** The next message that is not another user's {@code join} or {@code leave}. */
    public Map<String, Object> nextExceptComings() throws InterruptedException {
        Map<String, Object> message = next();
        while ("join".equals(message.get("type")) || "leave".equals(message.get("type"))) {
            message = next();
        }
        return message;
    }

    /** The next message of {@code type}, skipping others. */
    public Map<String, Object> await(String type) throws InterruptedException {
        List<Map<String, Object>> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Map<String, Object> message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no \"" + type + "\" within " + TIMEOUT + "; skipped " + skipped);
            }
            if (type.equals(message.get("type"))) {
                return message;
            }
            skipped.add(message);
        }
    }

    /** Waits until everything sent before is answered (a ping's pong comes after it); presence left out. */
    public List<Map<String, Object>> drain() throws InterruptedException, IOException {
        ping();
        List<Map<String, Object>> before = new ArrayList<>();
        for (Map<String, Object> message = next(); !"pong".equals(message.get("type")); message = next()) {
            if (!"join".equals(message.get("type")) && !"leave".equals(message.get("type"))) {
                before.add(message);
            }
        }
        return before;
    }

    /** How the server closed the connection. */
    public CloseReason awaitClose() throws InterruptedException {
        try {
            return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("not closed within " + TIMEOUT, e);
        }
    }

    /** Whether the connection closes within {@code time}; waiting for it is the point (idle-connection tests). */
    public boolean closesWithin(Duration time) throws InterruptedException {
        try {
            closed.get(time.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillOpen) {
            return false;
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    public boolean isOpen() {
        return session != null && session.isOpen() && !closed.isDone();
    }

    public int framesReceived() {
        return frames.get();
    }

    /** Drops the connection as a network failure would look to the server: no close handshake wait. */
    @Override
    public void close() throws IOException {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }

    /** An operation's components with numbers as {@link Integer}s, to compare with {@code List.of(2, "cd")}. */
    public static List<Object> components(Object op) {
        return ((List<?>) op).stream().map(c -> c instanceof Number n ? (Object) n.intValue() : c).toList();
    }

    public static long number(Map<String, Object> message, String field) {
        Object value = message.get(field);
        if (!(value instanceof Number number)) {
            throw new AssertionError("no number \"" + field + "\" in " + message);
        }
        return number.longValue();
    }
}
