package dev.tandem.testing;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** PROTOCOL.md's HTTP API as a test sees it, over the JDK's client, relative to the application's base URL. */
public final class HttpApi {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final HttpClient SHARED = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient http;
    private final URI base;

    public HttpApi(URI base) {
        this(base, null);
    }

    /** Over {@code https://}, trusting what {@code tls} trusts (or the JDK's trust if null). */
    public HttpApi(URI base, SSLContext tls) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        this.http = (tls == null ? client : client.sslContext(tls)).build();
        this.base = base;
    }

    public record Answer(int status, String contentType, String body) {
        /** The body read as JSON: maps, lists, {@code BigDecimal}s and strings. */
        public Object json() {
            return JSON.fromJson(body, Object.class);
        }
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Answer post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /**
     * Any request to {@code uri}, with headers given as name, value, name, value..., answered as
     * the JDK gives it: for tests of statuses and headers (401 and its challenge).
     */
    public static HttpResponse<String> request(URI uri, String method, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return SHARED.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code path} under the HTTP(S) {@code base}, as a WebSocket address ({@code ws:} or {@code wss:}). */
    public static URI webSocket(URI base, String path) {
        String http = base.resolve(path).toString();
        return URI.create("ws" + http.substring("http".length()));
    }
}
