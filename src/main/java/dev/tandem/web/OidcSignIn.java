package dev.tandem.web;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.tandem.access.Admins;
import dev.tandem.access.Caller;
import dev.tandem.store.AccessStore;
import dev.tandem.store.StoredUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code TANDEM_AUTH=oidc}: users sign in at an OpenID Connect provider ({@link OidcProvider}),
 * and the session is a sealed cookie ({@link SessionSeal}: encrypted and authenticated with a
 * key every node derives from the client secret), so any node serves any signed-in user and a
 * node's death signs nobody out. The cookie holds who the user is (stored user id, issuer,
 * subject, name, e-mail, groups) and the provider's refresh token; when the ID token it came
 * from expires, the next request refreshes it at the provider (groups follow the provider;
 * a refused refresh signs the user out). A session lasts at most {@link #MAX_SESSION}.
 *
 * <p>Routes ({@link OidcServlet}): {@code GET /signin?return=/d/x} starts a sign-in,
 * {@code GET /signin/callback} completes it, {@code POST /signout} ends the session here and at
 * the provider. The cookies are HttpOnly, SameSite=Lax (the provider's redirect back is a
 * top-level GET, which Lax lets through), Secure on TLS, and scoped to the context path.
 */
final class OidcSignIn implements SignIn {

    static final String SESSION_COOKIE = "tandem-session";
    static final String ATTEMPT_COOKIE = "tandem-sign-in";
    static final Duration MAX_SESSION = Duration.ofHours(12);

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    private final OidcProvider provider;
    private final SessionSeal seal;
    private final SignInAttempts attempts;
    private final AccessStore store;
    private final Admins admins;
    private final Clock clock;

    OidcSignIn(OidcProvider provider, SessionSeal seal, AccessStore store, Admins admins, Clock clock) {
        this.provider = provider;
        this.seal = seal;
        this.attempts = new SignInAttempts(seal, clock);
        this.store = store;
        this.admins = admins;
        this.clock = clock;
    }

    @Override
    public Caller callerOf(HttpServletRequest request, HttpServletResponse response) {
        Optional<JWTClaimsSet> session = seal.open(cookie(request, SESSION_COOKIE)).filter(c -> "session".equals(c.getClaim("use")));
        if (session.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        JWTClaimsSet claims = session.get();
        StoredUser user = userOf(claims);
        long check = ((Number) claims.getClaim("chk")).longValue();
        if (clock.instant().getEpochSecond() >= check) {
            String refresh = (String) claims.getClaim("rt");
            try {
                if (refresh == null) {
                    throw new OidcProvider.Refused("no refresh token", null);
                }
                OidcProvider.SignedIn renewed = provider.refresh(new RefreshToken(refresh),
                        new OidcProvider.Identity(user.issuer(), user.subject(), user.name(), user.email(), user.groups()));
                user = record(renewed.identity());
                setCookie(request, response, SESSION_COOKIE, seal.seal(sessionClaims(user, renewed, claims.getExpirationTime().toInstant())),
                        claims.getExpirationTime().toInstant());
            } catch (OidcProvider.Refused e) {
                LOG.log(Level.FINE, "session of " + user.subject() + " ended: " + e.getMessage(), e);
                clearCookie(request, response, SESSION_COOKIE);
                return Caller.ANONYMOUS;
            }
        }
        HashSet<String> groups = new HashSet<>(user.groups());
        return Caller.signedIn(user, groups, admins.include(user.subject(), groups));
    }

    /** Pages send the browser to sign in; the API and the WebSocket answer 401. */
    @Override
    public boolean challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getMethod().equals("GET") && path.startsWith("/d/")) { // a page (sockets are under /ws/)
            response.sendRedirect(request.getContextPath() + "/signin?return=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        } else {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"tandem\"");
            HttpJson.error(request, response, 401, "unauthorized", "error.signInAt", "path", request.getContextPath() + "/signin");
        }
        return false;
    }

    @Override
    public void signInPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/signin?return=%2F");
    }

    /** {@code GET /signin}: off to the provider, with a fresh state, nonce and PKCE verifier. */
    void begin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnTo = request.getParameter("return");
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            returnTo = "/"; // only a path on this server, never another site
        }
        SignInAttempts.Started started = attempts.start(returnTo);
        try {
            URI to = provider.authorization(callback(request), started.attempt().state(), started.attempt().nonce(), started.attempt().verifier());
            setCookie(request, response, ATTEMPT_COOKIE, started.cookie(), clock.instant().plus(SignInAttempts.PATIENCE));
            response.sendRedirect(to.toString());
        } catch (OidcProvider.Refused e) {
            LOG.log(Level.WARNING, e.getMessage(), e);
            HttpJson.error(request, response, 503, "unavailable", "error.providerUnavailable");
        }
    }

    /** {@code GET /signin/callback}: the code for tokens, the ID token checked, the session cookie set. */
    void complete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = request.getParameter("state");
        String code = request.getParameter("code");
        Optional<SignInAttempts.Attempt> attempt = attempts.take(cookie(request, ATTEMPT_COOKIE), state);
        clearCookie(request, response, ATTEMPT_COOKIE);
        if (attempt.isEmpty()) {
            HttpJson.error(request, response, 400, "bad-sign-in", "error.badSignIn");
            return;
        }
        if (code == null || code.isBlank()) {
            HttpJson.error(request, response, 401, "sign-in-refused", "error.providerRefused",
                    "reason", Optional.ofNullable(request.getParameter("error")).orElse("no code"));
            return;
        }
        try {
            OidcProvider.SignedIn signedIn = provider.exchange(new AuthorizationCode(code), callback(request),
                    attempt.get().verifier(), attempt.get().nonce());
            StoredUser user = record(signedIn.identity());
            Instant until = clock.instant().plus(MAX_SESSION);
            setCookie(request, response, SESSION_COOKIE, seal.seal(sessionClaims(user, signedIn, until)), until);
            response.sendRedirect(request.getContextPath() + attempt.get().returnTo());
        } catch (OidcProvider.Refused e) {
            LOG.log(Level.INFO, "sign-in refused: " + e.getMessage(), e);
            HttpJson.error(request, response, 401, "sign-in-refused", "error.signInRefused", "detail", e.getMessage());
        }
    }

    /**
     * {@code POST /signout}: the cookie goes, and the browser to the provider's logout, which
     * sends it back here: a redirect, or for a script ({@code Accept: application/json})
     * {@code {"redirect": url}} to go to (a page's {@code form-action 'self'} would stop a form's redirect).
     */
    void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
        clearCookie(request, response, SESSION_COOKIE);
        URI home = base(request).resolve(request.getContextPath() + "/");
        URI next;
        try {
            next = provider.logout(home).orElse(home);
        } catch (OidcProvider.Refused e) {
            next = home; // signed out here at least
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            HttpJson.write(response, 200, java.util.Map.of("redirect", next.toString()));
        } else {
            response.sendRedirect(next.toString());
        }
    }

    private StoredUser record(OidcProvider.Identity identity) {
        return store.signIn(identity.issuer(), identity.subject(), identity.name(), identity.email(), identity.groups());
    }

    private JWTClaimsSet sessionClaims(StoredUser user, OidcProvider.SignedIn tokens, Instant until) {
        return new JWTClaimsSet.Builder()
                .claim("use", "session")
                .claim("uid", user.id())
                .issuer(user.issuer())
                .subject(user.subject())
                .claim("name", user.name())
                .claim("email", user.email())
                .claim("groups", user.groups())
                .claim("chk", Math.min(tokens.expiresAtEpochSecond(), until.getEpochSecond()))
                .claim("rt", tokens.refreshToken() == null ? null : tokens.refreshToken().getValue())
                .expirationTime(Date.from(until))
                .build();
    }

    private static StoredUser userOf(JWTClaimsSet claims) {
        Object groups = claims.getClaim("groups");
        List<String> names = groups instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new StoredUser((String) claims.getClaim("uid"), claims.getIssuer(), claims.getSubject(), (String) claims.getClaim("name"),
                (String) claims.getClaim("email"), names);
    }

    private static URI callback(HttpServletRequest request) {
        return base(request).resolve(request.getContextPath() + "/signin/callback");
    }

    private static URI base(HttpServletRequest request) {
        String host = request.getServerName();
        boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        int port = request.getServerPort();
        boolean defaultPort = (port == 80 && request.getScheme().equals("http")) || (port == 443 && request.getScheme().equals("https"));
        return URI.create(request.getScheme() + "://" + (bareIpv6 ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port) + "/");
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String name, String value, Instant until) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Math.max(0, Duration.between(clock.instant(), until).toSeconds()));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static void clearCookie(HttpServletRequest request, HttpServletResponse response, String name) {
        Cookie cookie = new Cookie(name, "");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(0);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
