package dev.tandem.web;

import dev.tandem.access.AccessControl;
import dev.tandem.access.ApiTokens;
import dev.tandem.access.Caller;
import dev.tandem.document.DocumentId;
import dev.tandem.store.Role;
import dev.tandem.websocket.OriginPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * With sign-in ({@code TANDEM_AUTH=oidc|container}), the one gate of every route that reaches a
 * document or an account: it decides who the caller is (a personal API token in
 * {@code Authorization: Bearer}, else the {@link SignIn}), refuses cross-site state changes, and
 * checks the caller's {@link Role} on the document the route names, from the rules
 * {@link AccessControl} keeps in memory. What passes carries its caller ({@link CallerRequest}).
 *
 * <p>Routes and what they need ({@link #requirement}): a document's page, socket and every
 * {@code GET} under {@code /api/docs/{id}} a viewer; any other method there an editor;
 * {@code /api/docs} itself, {@code /api/access/…}, {@code /api/users}, {@code /api/me} and
 * {@code /api/tokens…} a signed-in user (those servlets decide the rest). A caller without the
 * role gets 403 {@code forbidden}; an anonymous one is asked to sign in first (401). A read-scope
 * token changes nothing (403 {@code read-only-token}). Read-only links ({@code /v/},
 * {@code /api/view/}, {@code /ws/view/}) are not routed here: their token stays a capability.
 *
 * <p>Cross-site request forgery: a state-changing request ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}) that a browser makes on its own (a session, or credentials the
 * browser repeats) must come from the server's own origin (or {@code TANDEM_ALLOWED_ORIGINS}):
 * a foreign {@code Origin}, or {@code Sec-Fetch-Site: cross-site}, is 403
 * {@code cross-origin}. Requests with a bearer token are exempt: a browser never adds one itself.
 */
final class AccessFilter extends HttpFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SignIn signIn;
    private final ApiTokens tokens;
    private final AccessControl access;
    private final OriginPolicy origins;

    AccessFilter(SignIn signIn, ApiTokens tokens, AccessControl access, OriginPolicy origins) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.access = access;
        this.origins = origins;
    }

    /** What a route needs: a signed-in caller, and perhaps a role on one document. */
    record Requirement(boolean signedIn, String document, Role role) {
        static final Requirement NOTHING = new Requirement(false, null, null);
        static final Requirement SIGNED_IN = new Requirement(true, null, null);
    }

    /** What {@code method} on {@code path} (below the context path) needs. */
    static Requirement requirement(String method, String path) {
        String[] parts = path.split("/", -1); // "", "api", "docs", id, …
        if (path.startsWith("/api/docs/") && parts.length >= 4 && !parts[3].isEmpty()) {
            boolean reads = method.equals("GET") || method.equals("HEAD");
            // a commenter may write comment threads (…/threads…), nothing else of the document
            boolean comments = parts.length >= 5 && parts[4].equals("threads");
            return new Requirement(false, parts[3], reads ? Role.VIEWER : comments ? Role.COMMENTER : Role.EDITOR);
        }
        if ((path.startsWith("/d/") || path.startsWith("/ws/docs/")) && parts.length == (path.startsWith("/d/") ? 3 : 4)) {
            return new Requirement(false, parts[parts.length - 1], Role.VIEWER);
        }
        if (path.equals("/api/docs") || path.equals("/api/docs/") || path.startsWith("/api/access/") || path.equals("/api/users")
                || path.equals("/api/me") || path.equals("/api/tokens") || path.startsWith("/api/tokens/")) {
            return Requirement.SIGNED_IN;
        }
        return Requirement.NOTHING;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String bearer = bearer(request);
        Caller caller;
        if (bearer != null) {
            Optional<Caller> byToken = tokens.callerOf(bearer);
            if (byToken.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"tandem\", error=\"invalid_token\"");
                HttpJson.error(request, response, 401, "invalid-token", "error.invalidToken");
                return;
            }
            caller = byToken.get();
        } else {
            if (STATE_CHANGING.contains(request.getMethod()) && crossSite(request)) {
                HttpJson.error(request, response, 403, "cross-origin", "error.crossOrigin");
                return;
            }
            caller = signIn.callerOf(request, response);
        }
        boolean asked = false;
        if (!caller.isSignedIn() && bearer == null && request.getHeader("Authorization") != null) {
            // credentials the container did not look at (no constraint here): they count even
            // where an anonymous caller would do (link sharing), and wrong ones are a 401
            asked = true;
            if (!signIn.challenge(request, response)) {
                return;
            }
            caller = signIn.callerOf(request, response);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Requirement needs = requirement(request.getMethod(), path);
        Role role = null;
        while (true) {
            if (needs.document() != null && DocumentId.isValid(needs.document())) {
                role = access.roleOf(needs.document(), caller).orElse(null);
            }
            boolean lacking = (needs.signedIn() && !caller.isSignedIn())
                    || (needs.role() != null && DocumentId.isValid(needs.document()) && (role == null || role.compareTo(needs.role()) < 0));
            if (!lacking) {
                break;
            }
            if (caller.isSignedIn() || bearer != null || asked) {
                HttpJson.error(request, response, 403, "forbidden", needs.document() == null ? "error.signInFirst"
                        : needs.role() == Role.VIEWER ? "error.mayNotOpen" : "error.mayNotChange");
                return;
            }
            // anonymous: ask for sign-in; a container may find credentials in the request after all
            asked = true;
            if (!signIn.challenge(request, response)) {
                return;
            }
            caller = signIn.callerOf(request, response);
        }
        if (STATE_CHANGING.contains(request.getMethod()) && !caller.mayWrite()) {
            HttpJson.error(request, response, 403, "read-only-token", "error.readOnlyToken");
            return;
        }
        chain.doFilter(new CallerRequest(request, caller), response);
    }

    private static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    /** Whether a browser says the request comes from another site's page. */
    private boolean crossSite(HttpServletRequest request) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return true; // a browser that left out Origin still says this
        }
        String host = request.getServerName();
        boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        String authority = (bareIpv6 ? "[" + host + "]" : host) + ":" + request.getServerPort();
        return !origins.allows(request.getHeader("Origin"), request.getScheme(), authority);
    }
}
