package dev.tandem.web;

import dev.tandem.access.ApiTokens;
import dev.tandem.access.Caller;
import dev.tandem.store.AccessStore;
import dev.tandem.store.ApiToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user's own routes ({@link AccessFilter} lets only signed-in callers through):
 * <ul>
 *   <li>{@code GET /api/me}: who I am ({@link AccessViews.Me});
 *   <li>{@code GET /api/users?q=prefix}: users whose name, e-mail or subject starts so (a share dialog's suggestions);
 *   <li>{@code GET /api/tokens}, {@code POST /api/tokens {"label","scope"}} (201 with the secret, shown this once),
 *       {@code DELETE /api/tokens/{id}} (204): personal API tokens, managed with a session only.
 * </ul>
 * Store calls block the container thread: each is one indexed query.
 */
final class AccountServlet extends HttpServlet {

    /** Suggestions a share dialog gets at most. */
    static final int MAX_SUGGESTIONS = 20;

    private final transient AccessStore store;
    private final transient ApiTokens tokens;

    AccountServlet(AccessStore store, ApiTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = CallerRequest.callerOf(request);
        switch (request.getServletPath()) {
            case "/api/me" -> HttpJson.write(response, 200, AccessViews.Me.of(caller));
            case "/api/users" -> {
                String prefix = Optional.ofNullable(request.getParameter("q")).orElse("").trim();
                if (prefix.isEmpty()) {
                    HttpJson.error(request, response, 400, "bad-parameter", "error.userQuery");
                    return;
                }
                HttpJson.write(response, 200, store.findUsers(prefix, MAX_SUGGESTIONS).stream().map(AccessViews.UserView::of).toList());
            }
            default -> {
                if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
                    HttpJson.error(request, response, 405, "method-not-allowed", "error.tokenDeleteOnly");
                    return;
                }
                HttpJson.write(response, 200, tokens.of(caller).stream().map(AccessViews.TokenView::of).toList());
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/api/tokens") || (request.getPathInfo() != null && !request.getPathInfo().equals("/"))) {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.tokensPostOnly");
            return;
        }
        String label;
        ApiToken.Scope scope;
        try {
            Map<?, ?> body = JsonBodies.object(request);
            label = JsonBodies.text(body, "label");
            scope = ApiToken.Scope.parse(JsonBodies.text(body, "scope"));
            if (label.length() > ApiToken.MAX_LABEL) {
                throw new JsonBodies.BadBody("\"label\" has at most " + ApiToken.MAX_LABEL + " characters");
            }
        } catch (JsonBodies.BadBody | IllegalArgumentException e) {
            HttpJson.error(request, response, 400, "bad-request", "error.invalidRequest", "detail", e.getMessage());
            return;
        }
        Optional<ApiTokens.Made> made = tokens.make(CallerRequest.callerOf(request), label, scope);
        if (made.isEmpty()) {
            HttpJson.error(request, response, 403, "forbidden", "error.tokensNeedSession");
            return;
        }
        ApiToken token = made.get().token();
        HttpJson.write(response, 201, new AccessViews.MadeToken(token.id(), token.label(), token.scope().wireName(),
                String.valueOf(token.created()), made.get().secret()));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (!request.getServletPath().equals("/api/tokens") || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.tokensDeletePath");
            return;
        }
        if (tokens.revoke(CallerRequest.callerOf(request), path.substring(1))) {
            response.setStatus(204);
        } else {
            HttpJson.error(request, response, 404, "not-found", "error.noToken", "id", path.substring(1));
        }
    }
}
