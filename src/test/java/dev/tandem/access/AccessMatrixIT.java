package dev.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.conformance.Scenarios;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.ProtocolClient;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in in {@code container} mode on the real Tomcat: {@code tandem-signin.war} at
 * {@code /signin} ({@code src/test/signin/web.xml}: {@code TANDEM_AUTH=container},
 * {@code TANDEM_ADMINS=root}, BASIC on Tomcat's realm, whose users the build gives the Cargo
 * Tomcat). Ana owns a document and shares it: Bo as viewer, the group {@code reviewers} (Dee) as
 * commenter, Eve as editor; Cy has no role; Root is an administrator; Ana has a read and a write
 * API token. Every route × every kind of caller is compared with the status it must get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends Scenarios {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");

    /** The kinds of caller, and how each presents itself. */
    enum Kind { ANONYMOUS, WRONG_PASSWORD, FORGED_TOKEN, OTHER_USER, VIEWER, COMMENTER, EDITOR, OWNER, ADMIN, READ_TOKEN, WRITE_TOKEN }

    private final Map<Kind, String> authorization = new EnumMap<>(Kind.class);
    private String doc;
    private String anaId;
    private String boId;
    private String eveId;

    @Override
    protected URI base() {
        return baseFromBuild().resolve("signin/");
    }

    private static String password() {
        String password = System.getProperty("it.secured.password");
        if (password == null) {
            throw new IllegalStateException("it.secured.password is not set: run through `mvn verify`");
        }
        return password;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(Kind kind, String method, String path, String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        if (authorization.get(kind) != null) {
            all.addAll(List.of("Authorization", authorization.get(kind)));
        }
        if (body != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        return HttpApi.request(base().resolve(path), method, body, all.toArray(String[]::new));
    }

    private String as(String user, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HttpApi.request(base().resolve(path), method, body,
                body == null ? new String[] {"Authorization", basic(user, password())}
                        : new String[] {"Authorization", basic(user, password()), "Content-Type", "application/json"});
        assertThat(response.statusCode()).as(user + " " + method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    @BeforeAll
    void anaSharesADocument() throws Exception {
        for (String user : List.of("bo", "cy", "dee", "eve", "root")) {
            as(user, "GET", "api/me", null, 200); // a user is known once signed in
        }
        anaId = first(ID, as("ana", "GET", "api/me", null, 200));
        boId = first(ID, as("bo", "GET", "api/me", null, 200));
        eveId = first(ID, as("eve", "GET", "api/me", null, 200));
        doc = first(ID, as("ana", "POST", "api/docs", "{}", 201));
        as("ana", "PUT", "api/access/" + doc + "/entries", "{\"kind\":\"user\",\"name\":\"" + boId + "\",\"role\":\"viewer\"}", 204);
        as("ana", "PUT", "api/access/" + doc + "/entries", "{\"kind\":\"group\",\"name\":\"reviewers\",\"role\":\"commenter\"}", 204);
        as("ana", "PUT", "api/access/" + doc + "/entries", "{\"kind\":\"user\",\"name\":\"" + eveId + "\",\"role\":\"editor\"}", 204);

        authorization.put(Kind.WRONG_PASSWORD, basic("ana", "not-" + password()));
        authorization.put(Kind.FORGED_TOKEN, "Bearer tandem_" + "A".repeat(43));
        authorization.put(Kind.OTHER_USER, basic("cy", password()));
        authorization.put(Kind.VIEWER, basic("bo", password()));
        authorization.put(Kind.COMMENTER, basic("dee", password()));
        authorization.put(Kind.EDITOR, basic("eve", password()));
        authorization.put(Kind.OWNER, basic("ana", password()));
        authorization.put(Kind.ADMIN, basic("root", password()));
        authorization.put(Kind.READ_TOKEN, "Bearer " + first(SECRET, as("ana", "POST", "api/tokens", "{\"label\":\"reader\",\"scope\":\"read\"}", 201)));
        authorization.put(Kind.WRITE_TOKEN, "Bearer " + first(SECRET, as("ana", "POST", "api/tokens", "{\"label\":\"writer\",\"scope\":\"write\"}", 201)));
    }

    /** Expected statuses: {@code signedIn} for every caller that is somebody, the refusals filled in. */
    private static Map<Kind, Integer> expect(Function<Kind, Integer> signedIn) {
        Map<Kind, Integer> statuses = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            statuses.put(kind, switch (kind) {
                case ANONYMOUS, WRONG_PASSWORD, FORGED_TOKEN -> 401;
                default -> signedIn.apply(kind);
            });
        }
        return statuses;
    }

    private static int reader(Kind kind) {
        return kind == Kind.OTHER_USER ? 403 : 200;
    }

    private static boolean owns(Kind kind) {
        return kind == Kind.OWNER || kind == Kind.ADMIN || kind == Kind.WRITE_TOKEN;
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheRulesSay() throws Exception {
        record Route(String method, String path, String body, Map<Kind, Integer> expected) {
        }
        List<Route> routes = List.of(
                new Route("GET", "api/docs", null, expect(kind -> 200)),
                new Route("POST", "api/docs", "{}", expect(kind -> kind == Kind.READ_TOKEN ? 403 : 201)),
                new Route("GET", "api/docs/" + doc, null, expect(AccessMatrixIT::reader)),
                new Route("GET", "api/docs/" + doc + "/text", null, expect(AccessMatrixIT::reader)),
                new Route("GET", "api/docs/" + doc + "/ops", null, expect(AccessMatrixIT::reader)),
                new Route("GET", "d/" + doc, null, expect(AccessMatrixIT::reader)),
                new Route("GET", "api/access/" + doc, null, expect(AccessMatrixIT::reader)),
                new Route("PUT", "api/access/" + doc + "/link", "{\"linkSharing\":\"off\"}", expect(kind -> owns(kind) ? 204 : 403)),
                new Route("PUT", "api/access/" + doc + "/entries", "{\"kind\":\"group\",\"name\":\"auditors\",\"role\":\"viewer\"}",
                        expect(kind -> owns(kind) ? 204 : 403)),
                new Route("PUT", "api/access/" + doc + "/owner", "{\"user\":\"" + "ANA" + "\"}", expect(kind -> kind == Kind.ADMIN ? 204 : 403)),
                new Route("GET", "api/me", null, expect(kind -> 200)),
                new Route("GET", "api/users?q=b", null, expect(kind -> 200)),
                new Route("GET", "api/tokens", null, expect(kind -> 200)),
                new Route("POST", "api/tokens", "{\"label\":\"more\",\"scope\":\"read\"}",
                        expect(kind -> kind == Kind.READ_TOKEN || kind == Kind.WRITE_TOKEN ? 403 : 201)));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route route : routes) {
            for (Kind kind : Kind.values()) {
                String body = route.body() == null ? null : route.body().replace("\"ANA\"", "\"" + anaId + "\"");
                HttpResponse<String> response = send(kind, route.method(), route.path(), body);
                checked++;
                if (response.statusCode() != route.expected().get(kind)) {
                    wrong.add(route.method() + " " + route.path() + " as " + kind + ": " + response.statusCode()
                            + " instead of " + route.expected().get(kind) + " " + response.body());
                }
            }
        }
        for (Kind kind : Kind.values()) {
            int expected = switch (kind) {
                case ANONYMOUS, WRONG_PASSWORD, FORGED_TOKEN -> 401;
                case OTHER_USER -> 403;
                default -> 101;
            };
            int status = handshakeStatus(ws(doc), authorization.get(kind));
            checked++;
            if (status != expected) {
                wrong.add("WebSocket handshake as " + kind + ": " + status + " instead of " + expected);
            }
        }
        assertThat(wrong).as("of " + checked + " route × caller checks").isEmpty();
    }

    @Test
    void theConnectionsModeFollowsTheRoleAndAViewersOpIsForbidden() throws Exception {
        Map<Kind, String> modes = new EnumMap<>(Kind.class);
        for (Kind kind : List.of(Kind.VIEWER, Kind.COMMENTER, Kind.EDITOR, Kind.OWNER, Kind.ADMIN, Kind.READ_TOKEN, Kind.WRITE_TOKEN)) {
            try (ProtocolClient client = ProtocolClient.connect(ws(doc), Map.of("Authorization", authorization.get(kind)))) {
                client.hello(src(), "x", null);
                modes.put(kind, (String) client.next("welcome").get("mode"));
            }
        }
        assertThat(modes).containsExactlyInAnyOrderEntriesOf(Map.of(Kind.VIEWER, "view", Kind.COMMENTER, "view", Kind.READ_TOKEN, "view",
                Kind.EDITOR, "edit", Kind.OWNER, "edit", Kind.ADMIN, "edit", Kind.WRITE_TOKEN, "edit"));

        try (ProtocolClient viewer = ProtocolClient.connect(ws(doc), Map.of("Authorization", authorization.get(Kind.VIEWER)));
             ProtocolClient owner = ProtocolClient.connect(ws(doc), Map.of("Authorization", authorization.get(Kind.OWNER)))) {
            viewer.hello(src(), "Bo", null);
            long rev = ((Number) viewer.next("welcome").get("rev")).longValue();
            viewer.op(rev, 1, List.of("not mine to write"));
            assertThat(viewer.next("error")).containsEntry("code", "forbidden");

            owner.hello(src(), "Anonymous Puffin", null);
            owner.next("welcome");
            Object joined = viewer.next("join").get("user");
            assertThat(joined).as("others see the signed-in name, not the one the client said")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("name", "ana");
        }
    }

    @Test
    void aRoleLoweredOrRaisedReachesOpenConnectionsWithinASecond() throws Exception {
        String shared = first(ID, as("ana", "POST", "api/docs", "{}", 201));
        String entries = "api/access/" + shared + "/entries";
        as("ana", "PUT", entries, "{\"kind\":\"user\",\"name\":\"" + eveId + "\",\"role\":\"editor\"}", 204);
        as("ana", "PUT", entries, "{\"kind\":\"user\",\"name\":\"" + boId + "\",\"role\":\"viewer\"}", 204);
        try (ProtocolClient eve = ProtocolClient.connect(ws(shared), Map.of("Authorization", authorization.get(Kind.EDITOR)));
             ProtocolClient bo = ProtocolClient.connect(ws(shared), Map.of("Authorization", authorization.get(Kind.VIEWER)))) {
            eve.hello(src(), "Eve", null);
            assertThat(eve.next("welcome")).containsEntry("mode", "edit");
            bo.hello(src(), "Bo", null);
            assertThat(bo.next("welcome")).containsEntry("mode", "view");

            as("ana", "PUT", entries, "{\"kind\":\"user\",\"name\":\"" + eveId + "\",\"role\":\"viewer\"}", 204);
            as("ana", "PUT", entries, "{\"kind\":\"user\",\"name\":\"" + boId + "\",\"role\":\"editor\"}", 204);

            assertThat(eve.closesWithin(Duration.ofSeconds(1))).as("the lowered editor's connection closes").isTrue();
            assertThat(eve.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
            assertThat(bo.closesWithin(Duration.ofSeconds(1))).as("the raised viewer's connection closes to reconnect").isTrue();
            assertThat(bo.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.SERVICE_RESTART);
        }
        try (ProtocolClient bo = ProtocolClient.connect(ws(shared), Map.of("Authorization", authorization.get(Kind.VIEWER)))) {
            bo.hello(src(), "Bo", null);
            assertThat(bo.next("welcome")).containsEntry("mode", "edit");
            bo.op(0, 1, List.of("now mine"));
            bo.next("ack");

            as("ana", "DELETE", entries + "/user/" + boId, null, 204);
            assertThat(bo.closesWithin(Duration.ofSeconds(1))).as("removed: closed").isTrue();
            assertThat(bo.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        }
        assertThat(handshakeStatus(ws(shared), authorization.get(Kind.VIEWER))).isEqualTo(403);
    }

    @Test
    void linkSharingLetsAnyoneInAsFarAsItSays() throws Exception {
        String linked = first(ID, as("ana", "POST", "api/docs", "{}", 201));
        assertThat(send(Kind.ANONYMOUS, "GET", "api/docs/" + linked, null).statusCode()).isEqualTo(401);

        as("ana", "PUT", "api/access/" + linked + "/link", "{\"linkSharing\":\"view\"}", 204);
        assertThat(send(Kind.ANONYMOUS, "GET", "api/docs/" + linked, null).statusCode()).isEqualTo(200);
        assertThat(send(Kind.OTHER_USER, "GET", "d/" + linked, null).statusCode()).isEqualTo(200);
        try (ProtocolClient anyone = ProtocolClient.connect(ws(linked), Map.of())) {
            anyone.hello(src(), "Anyone", null);
            assertThat(anyone.next("welcome")).containsEntry("mode", "view");
        }

        as("ana", "PUT", "api/access/" + linked + "/link", "{\"linkSharing\":\"edit\"}", 204);
        try (ProtocolClient anyone = ProtocolClient.connect(ws(linked), Map.of())) {
            anyone.hello(src(), "Anyone", null);
            assertThat(anyone.next("welcome")).containsEntry("mode", "edit");
        }
        assertThat(send(Kind.ANONYMOUS, "GET", "api/docs", null).statusCode()).as("no listing without sign-in").isEqualTo(401);
    }

    @Test
    void myDocumentsAreThoseIOwnOrThatAreSharedWithMe() throws Exception {
        assertThat(as("bo", "GET", "api/docs", null, 200)).contains("\"" + doc + "\"");
        assertThat(as("dee", "GET", "api/docs", null, 200)).as("through the group").contains("\"" + doc + "\"");
        assertThat(as("ana", "GET", "api/docs", null, 200)).contains("\"" + doc + "\"");
        assertThat(as("cy", "GET", "api/docs", null, 200)).doesNotContain("\"" + doc + "\"");
        String mine = first(ID, as("cy", "POST", "api/docs", "{}", 201));
        assertThat(as("cy", "GET", "api/docs", null, 200)).contains("\"" + mine + "\"");
        assertThat(as("root", "GET", "api/docs?all=true", null, 200)).contains("\"" + doc + "\"", "\"" + mine + "\"");
        assertThat(as("cy", "GET", "api/docs?all=true", null, 200)).as("all=true is for administrators").doesNotContain("\"" + doc + "\"");
    }

    @Test
    void aStateChangeFromAnotherSitesPageIsRefused() throws Exception {
        HttpResponse<String> forged = send(Kind.OWNER, "PUT", "api/access/" + doc + "/link", "{\"linkSharing\":\"edit\"}",
                "Origin", "http://evil.example");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("cross-origin");
        assertThat(send(Kind.OWNER, "POST", "api/docs", "{}", "Origin", ownOrigin()).statusCode()).isEqualTo(201);
        assertThat(as("ana", "GET", "api/access/" + doc, null, 200)).contains("\"linkSharing\":\"off\"");
    }

    @Test
    void theUnlockPageThePagesUseOnA401AsksTheContainerForTheUser() throws Exception {
        HttpResponse<String> anonymous = send(Kind.ANONYMOUS, "GET", "unlock", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWithIgnoringCase("Basic"));
        HttpResponse<String> signedIn = send(Kind.VIEWER, "GET", "unlock", null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/signin/"));
    }

    @Test
    void revokedTokensStandForNobody() throws Exception {
        String made = as("ana", "POST", "api/tokens", "{\"label\":\"short-lived\",\"scope\":\"write\"}", 201);
        String secret = first(SECRET, made);
        String id = first(ID, made);
        assertThat(HttpApi.request(base().resolve("api/me"), "GET", null, "Authorization", "Bearer " + secret).statusCode()).isEqualTo(200);
        as("ana", "DELETE", "api/tokens/" + id, null, 204);
        assertThat(HttpApi.request(base().resolve("api/me"), "GET", null, "Authorization", "Bearer " + secret).statusCode()).isEqualTo(401);
        assertThat(as("ana", "GET", "api/tokens", null, 200)).doesNotContain(secret).doesNotContain(id);
    }

    /** The handshake's HTTP status over the JDK's client (Tyrus fails on a 401 with a Basic challenge). */
    private static int handshakeStatus(URI uri, String authorization) throws Exception {
        WebSocket.Builder handshake = HTTP.newWebSocketBuilder();
        if (authorization != null) {
            handshake.header("Authorization", authorization);
        }
        try {
            WebSocket accepted = handshake.buildAsync(uri, new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
            accepted.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
