package dev.tandem.web;

import dev.tandem.access.AccessControl;
import dev.tandem.access.Caller;
import dev.tandem.document.DocumentId;
import dev.tandem.store.AccessStore;
import dev.tandem.store.DocumentAccess;
import dev.tandem.store.Grantee;
import dev.tandem.store.LinkSharing;
import dev.tandem.store.Role;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A document's sharing, under {@code /api/access/{id}} (signed-in callers only, {@link AccessFilter}):
 * <ul>
 *   <li>{@code GET}: owner, entries, link sharing and the caller's own role (viewers and up);
 *   <li>{@code PUT …/entries {"kind":"user"|"group","name","role"}}: add or change an entry (owners);
 *   <li>{@code DELETE …/entries/{kind}/{name}}: remove one (owners);
 *   <li>{@code PUT …/link {"linkSharing":"off"|"view"|"edit"}} (owners);
 *   <li>{@code PUT …/owner {"user":id}}: another owner of record (administrators).
 * </ul>
 * Changes answer 204; open connections of the document feel them at once ({@link AccessControl}).
 * Store calls block the container thread: each is a few indexed statements.
 */
final class SharingServlet extends HttpServlet {

    private final transient AccessControl access;
    private final transient AccessStore store;

    SharingServlet(AccessControl access, AccessStore store) {
        this.access = access;
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = DocumentsServlet.segments(request);
        if (path.length != 1 || !DocumentId.isValid(path[0])) {
            HttpJson.error(request, response, 404, "not-found", "error.noResource");
            return;
        }
        Caller caller = CallerRequest.callerOf(request);
        Optional<DocumentAccess> rules = access.rules(path[0]);
        Role role = AccessControl.decide(rules, caller);
        if (role == null) {
            HttpJson.error(request, response, 403, "forbidden", "error.mayNotOpen");
        } else if (rules.isEmpty()) {
            HttpJson.error(request, response, 404, "not-found", "error.noOwner", "id", path[0]);
        } else {
            HttpJson.write(response, 200, AccessViews.AccessView.of(rules.get(), role.wireName(),
                    id -> store.user(id).map(AccessViews.UserView::of).orElse(new AccessViews.UserView(id, id, null))));
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = DocumentsServlet.segments(request);
        if (path.length != 2 || !DocumentId.isValid(path[0])) {
            HttpJson.error(request, response, 404, "not-found", "error.noResource");
            return;
        }
        Caller caller = CallerRequest.callerOf(request);
        AccessControl.Change change;
        try {
            Map<?, ?> body = JsonBodies.object(request);
            change = switch (path[1]) {
                case "entries" -> access.share(path[0], caller,
                        new Grantee(Grantee.Kind.parse(JsonBodies.text(body, "kind")), JsonBodies.text(body, "name")),
                        Role.parse(JsonBodies.text(body, "role")));
                case "link" -> access.setLinkSharing(path[0], caller, LinkSharing.parse(JsonBodies.text(body, "linkSharing")));
                case "owner" -> access.changeOwner(path[0], caller, JsonBodies.text(body, "user"));
                default -> null;
            };
        } catch (JsonBodies.BadBody | IllegalArgumentException e) {
            HttpJson.error(request, response, 400, "bad-request", "error.invalidRequest", "detail", e.getMessage());
            return;
        }
        if (change == null) {
            HttpJson.error(request, response, 404, "not-found", "error.noResource");
        } else {
            answer(request, response, change);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = DocumentsServlet.segments(request);
        if (path.length != 4 || !path[1].equals("entries") || !DocumentId.isValid(path[0])) {
            HttpJson.error(request, response, 404, "not-found", "error.accessDeletePath");
            return;
        }
        Grantee grantee;
        try {
            grantee = new Grantee(Grantee.Kind.parse(path[2]), path[3]);
        } catch (IllegalArgumentException e) {
            HttpJson.error(request, response, 400, "bad-request", "error.invalidRequest", "detail", e.getMessage());
            return;
        }
        answer(request, response, access.unshare(path[0], CallerRequest.callerOf(request), grantee));
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, AccessControl.Change change) throws IOException {
        switch (change) {
            case DONE -> response.setStatus(204);
            case FORBIDDEN -> HttpJson.error(request, response, 403, "forbidden", "error.onlyOwnersShare");
            case NOT_FOUND -> HttpJson.error(request, response, 404, "not-found", "error.noSharingTarget");
        }
    }
}
