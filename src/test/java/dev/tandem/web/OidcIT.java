package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.JWTParser;
import dev.tandem.testing.HttpApi;
import dev.tandem.testing.KeycloakServer;
import dev.tandem.testing.ProtocolClient;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code TANDEM_AUTH=oidc} against a real Keycloak, started by this test from the distribution
 * the build unpacked, with the realm of {@code src/test/keycloak/tandem-realm.json} (users Ana,
 * and Bo in the group {@code design}). Tandem is {@code tandem-oidc.war} at {@code /oidc} on the
 * Cargo Tomcat. A "browser" here is the JDK's HTTP client with a cookie jar, following the
 * redirects by hand and submitting Keycloak's own login form.
 */
class OidcIT {

    private static final String REALM = "tandem";
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = KeycloakServer.start(REALM);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static URI base() {
        String url = System.getProperty("it.baseUrl");
        if (url == null) {
            throw new IllegalStateException("it.baseUrl is not set: run through `mvn verify`");
        }
        return URI.create(url.endsWith("/") ? url : url + "/").resolve("oidc/");
    }

    /** A browser: a cookie jar, redirects followed one by one. */
    private static final class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure(cookies))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(URI uri, String method, String body, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                    .findFirst().orElse(null);
        }
    }

    /**
     * Keycloak marks its cookies {@code Secure}; browsers count {@code http://127.0.0.1} as a
     * secure context and send them, the JDK's cookie jar does not. This one keeps them as a browser would.
     */
    private static final class LoopbackIsSecure extends java.net.CookieHandler {
        private final CookieManager jar;

        LoopbackIsSecure(CookieManager jar) {
            this.jar = jar;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws java.io.IOException {
            return jar.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws java.io.IOException {
            Map<String, List<String>> relaxed = new java.util.HashMap<>();
            responseHeaders.forEach((name, values) -> relaxed.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            jar.put(uri, relaxed);
        }
    }

    private static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("a redirect from " + response.uri()).isBetween(301, 303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text.length() > 2000 ? text.substring(0, 2000) : text).isTrue();
        return matcher.group(1);
    }

    /** What the callback looked like, for the replay test. */
    private record SignedIn(Browser browser, URI callback, String attemptCookie) {
    }

    /** Signs in on Keycloak's own login page; returns once Tandem sent the browser back to {@code returnTo}. */
    private static SignedIn signIn(String user, String password, String returnTo) throws Exception {
        Browser browser = new Browser();
        URI start = base().resolve("signin?return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        URI authorize = URI.create(location(browser.get(start)));
        assertThat(authorize.toString()).startsWith(keycloak.issuer(REALM) + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256", "code_challenge=", "state=", "nonce=", "response_type=code");
        HttpResponse<String> page = browser.get(authorize);
        assertThat(page.statusCode()).isEqualTo(200);
        String action = group(Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\""), page.body()).replace("&amp;", "&");
        HttpResponse<String> submitted = browser.send(URI.create(action), "POST",
                "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=",
                "Content-Type", "application/x-www-form-urlencoded");
        URI callback = URI.create(location(submitted));
        assertThat(callback.toString()).startsWith(base().resolve("signin/callback").toString());
        String attempt = browser.cookie(OidcSignIn.ATTEMPT_COOKIE);
        assertThat(attempt).as("the sign-in under way is in a cookie").isNotBlank();
        String back = location(browser.get(callback));
        assertThat(back).isEqualTo(base().getPath() + returnTo.substring(1));
        assertThat(browser.cookie(OidcSignIn.SESSION_COOKIE)).as("the session cookie").isNotBlank();
        return new SignedIn(browser, callback, attempt);
    }

    @Test
    void aUserSignsInOnTheProvidersPageAndIsKnownByNameAndGroups() throws Exception {
        Browser ana = signIn("ana", "ana-password-1", "/").browser();
        String me = ana.get(base().resolve("api/me")).body();
        assertThat(me).contains("\"name\":\"Ana Lima\"", "\"email\":\"ana@example.org\"", "\"groups\":[]");

        Browser bo = signIn("bo", "bo-password-1", "/").browser();
        assertThat(bo.get(base().resolve("api/me")).body()).contains("\"name\":\"Bo Berg\"", "\"groups\":[\"design\"]");
        String sealedForAnotherKey = new SessionSeal("another-long-client-secret-here", java.time.Clock.systemUTC())
                .seal(new com.nimbusds.jwt.JWTClaimsSet.Builder().claim("use", "session").subject("bo")
                        .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(600))).build());
        for (String forged : List.of("forged", sealedForAnotherKey)) {
            assertThat(HttpApi.request(base().resolve("api/me"), "GET", null, "Cookie", OidcSignIn.SESSION_COOKIE + "=" + forged).statusCode())
                    .as("a forged session cookie is nobody").isEqualTo(401);
        }
    }

    @Test
    void aReplayedCallbackIsRefused() throws Exception {
        SignedIn first = signIn("ana", "ana-password-1", "/");
        HttpResponse<String> replayed = HttpApi.request(first.callback(), "GET", null,
                "Cookie", OidcSignIn.ATTEMPT_COOKIE + "=" + first.attemptCookie());
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
        assertThat(replayed.body()).contains("bad-sign-in");
        assertThat(replayed.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(OidcSignIn.SESSION_COOKIE + "=") && c.length() > 40);
    }

    @Test
    void withoutSignInPagesLeadToTheProviderAndTheApiAnswers401() throws Exception {
        Browser anonymous = new Browser();
        HttpResponse<String> page = anonymous.get(base().resolve("d/some-document"));
        assertThat(location(page)).isEqualTo(base().getPath() + "signin?return=%2Fd%2Fsome-document");
        assertThat(anonymous.get(base().resolve("api/docs")).statusCode()).isEqualTo(401);
        assertThat(location(anonymous.get(base().resolve("unlock")))).as("where the pages go on a 401")
                .isEqualTo(base().getPath() + "signin?return=%2F");
        assertThat(anonymous.get(base().resolve("api/me")).statusCode()).isEqualTo(401);
        assertThat(ProtocolClient.handshakeStatus(HttpApi.webSocket(base(), "ws/docs/some-document"), null)).isEqualTo(401);
    }

    @Test
    void signedInUsersShareThroughTheProvidersGroups() throws Exception {
        Browser ana = signIn("ana", "ana-password-1", "/").browser();
        Browser bo = signIn("bo", "bo-password-1", "/").browser();
        HttpResponse<String> created = ana.send(base().resolve("api/docs"), "POST", "{}", "Content-Type", "application/json",
                "Origin", origin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String doc = group(Pattern.compile("\"id\":\"([^\"]+)\""), created.body());
        assertThat(bo.get(base().resolve("api/docs/" + doc)).statusCode()).isEqualTo(403);

        HttpResponse<String> shared = ana.send(base().resolve("api/access/" + doc + "/entries"), "PUT",
                "{\"kind\":\"group\",\"name\":\"design\",\"role\":\"viewer\"}", "Content-Type", "application/json", "Origin", origin());
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(204);
        assertThat(bo.get(base().resolve("api/docs/" + doc)).statusCode()).isEqualTo(200);
        assertThat(bo.get(base().resolve("api/docs")).body()).contains("\"" + doc + "\"");
        try (ProtocolClient viewer = ProtocolClient.connect(HttpApi.webSocket(base(), "ws/docs/" + doc),
                Map.of("Cookie", OidcSignIn.SESSION_COOKIE + "=" + bo.cookie(OidcSignIn.SESSION_COOKIE)))) {
            viewer.hello("src-bo-0000000001", "ignored", null);
            assertThat(viewer.next("welcome")).containsEntry("mode", "view");
            viewer.op(0, 1, List.of("nope"));
            assertThat(viewer.next("error")).containsEntry("code", "forbidden");
        }
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
        Browser ana = signIn("ana", "ana-password-1", "/").browser();
        HttpResponse<String> out = ana.send(base().resolve("signout"), "POST", null, "Origin", origin());
        String logout = location(out);
        assertThat(logout).startsWith(keycloak.issuer(REALM) + "/protocol/openid-connect/logout").contains("client_id=tandem",
                "post_logout_redirect_uri=");
        assertThat(ana.get(base().resolve("api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void theProvidersRealTokensAreCheckedAgainstItsKeys() throws Exception {
        OidcProvider tandem = new OidcProvider(keycloak.issuer(REALM), "tandem", System.getProperty("it.keycloak.client.secret"), "groups");
        String ours = idToken("tandem", System.getProperty("it.keycloak.client.secret"));
        assertThat(tandem.identity(tandem.validate(JWTParser.parse(ours), null)).name()).isEqualTo("Bo Berg");

        String forOtherApp = idToken("other-app", "other-app-client-secret-0123456789");
        assertThatThrownBy(() -> tandem.validate(JWTParser.parse(forOtherApp), null)).isInstanceOf(OidcProvider.Refused.class)
                .hasMessageContaining("audience");
        String[] parts = ours.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        assertThatThrownBy(() -> tandem.validate(JWTParser.parse(tampered), null)).isInstanceOf(OidcProvider.Refused.class);
        OidcProvider elsewhere = new OidcProvider(keycloak.issuer("master"), "tandem", "whatever-long-secret-here", "groups");
        assertThatThrownBy(() -> elsewhere.validate(JWTParser.parse(ours), null)).isInstanceOf(OidcProvider.Refused.class);
    }

    /** webapp/browser-test/sign-in-sharing.mjs: Chromium on Keycloak's login page and Tandem's share dialog. */
    @Test
    void inChromiumAViewerRaisedToEditorTypesWithinASecond() throws Exception {
        assumeTrue(!Boolean.getBoolean("it.browser.skip"), "browser tests are off (skip.browser.tests)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium: the browser test is skipped");
        Path webapp = Path.of("webapp");
        assumeTrue(Files.isDirectory(webapp.resolve("node_modules/playwright-core")), "webapp/node_modules missing (npm ci)");
        Path output = Path.of("target", "sign-in-sharing.log").toAbsolutePath();
        ProcessBuilder node = new ProcessBuilder("node", "--test", "browser-test/sign-in-sharing.mjs")
                .directory(webapp.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("TANDEM_OIDC_URL", base().toString());
        Process process = node.start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("browser test finished in 180 s").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).as(log).contains("# pass 1");
    }

    /** An ID token for Bo from the provider's token endpoint (password grant). */
    private static String idToken(String client, String secret) throws Exception {
        HttpResponse<String> tokens = HttpApi.request(URI.create(keycloak.issuer(REALM) + "/protocol/openid-connect/token"), "POST",
                "grant_type=password&scope=openid&username=bo&password=bo-password-1&client_id=" + client + "&client_secret=" + secret,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return group(Pattern.compile("\"id_token\":\"([^\"]+)\""), tokens.body());
    }

    private static String origin() {
        URI base = base();
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }
}
