package dev.tandem.web;

import dev.tandem.document.DocumentService;
import dev.tandem.document.RestoreOutcome;
import dev.tandem.document.VersionOutcome;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * PROTOCOL.md's named versions under {@code /api/docs/{id}/versions}: list, name, rename,
 * delete, and restore a revision as a new operation on the head. Only those who hold the id
 * change anything; a read-only link lists them ({@link ViewServlet}).
 */
final class VersionsApi {

    private final DocumentService service;

    VersionsApi(DocumentService service) {
        this.service = service;
    }

    /** {@code GET …/versions}; {@code shownAs} names the document in a 404. */
    void list(HttpServletRequest request, CompletionStage<java.util.Optional<String>> id, String shownAs) {
        DocumentsServlet.answer(request, id.thenCompose(found -> found.isPresent()
                ? service.versions(found.get())
                : java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty())), (r, versions) -> {
            if (versions.isEmpty()) {
                DocumentsServlet.notFound(r, shownAs);
            } else {
                HttpJson.write(r, 200, versions.get().stream().map(ApiViews.VersionView::of).toList());
            }
        });
    }

    /** {@code POST …/versions} {@code {"rev":N,"name":…,"author":…}}. */
    void name(HttpServletRequest request, HttpServletResponse response, String id, byte[] body) throws IOException {
        Map<?, ?> json = object(response, body);
        if (json == null) {
            return;
        }
        if (!(json.get("rev") instanceof Number rev) || rev.doubleValue() < 0 || rev.doubleValue() != Math.rint(rev.doubleValue())) {
            HttpJson.error(response, 400, "bad-request", "\"rev\" must be a non-negative integer");
            return;
        }
        if (!(json.get("name") instanceof String name)) {
            HttpJson.error(response, 400, "bad-request", "\"name\" must be a string");
            return;
        }
        String author = json.get("author") instanceof String a ? a : null;
        long at = rev.longValue();
        DocumentsServlet.answer(request, service.nameVersion(id, at, name, author), (r, outcome) -> {
            if (outcome == VersionOutcome.DONE) {
                r.setStatus(201);
                r.setHeader("Location", request.getContextPath() + "/api/docs/" + id + "/versions/" + at);
                r.setContentLength(0);
            } else {
                failed(r, outcome, id, at);
            }
        });
    }

    /** {@code PUT …/versions/{rev}} {@code {"name":…}}. */
    void rename(HttpServletRequest request, HttpServletResponse response, String id, long rev, byte[] body) throws IOException {
        Map<?, ?> json = object(response, body);
        if (json == null) {
            return;
        }
        if (!(json.get("name") instanceof String name)) {
            HttpJson.error(response, 400, "bad-request", "\"name\" must be a string");
            return;
        }
        DocumentsServlet.answer(request, service.renameVersion(id, rev, name), (r, outcome) -> done(r, outcome, id, rev));
    }

    /** {@code DELETE …/versions/{rev}}. */
    void delete(HttpServletRequest request, String id, long rev) {
        DocumentsServlet.answer(request, service.deleteVersion(id, rev), (r, outcome) -> done(r, outcome, id, rev));
    }

    /** {@code POST …/versions/{rev}/restore} {@code {"author":…}} (any revision, named or not). */
    void restore(HttpServletRequest request, HttpServletResponse response, String id, long rev, byte[] body) throws IOException {
        String author = null;
        if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            Map<?, ?> json = object(response, body);
            if (json == null) {
                return;
            }
            author = json.get("author") instanceof String a ? a : null;
        }
        DocumentsServlet.answer(request, service.restore(id, rev, author), (r, outcome) -> {
            if (outcome instanceof RestoreOutcome.Restored restored) {
                HttpJson.write(r, 200, new ApiViews.Restored(restored.head(), restored.changed()));
            } else if (outcome instanceof RestoreOutcome.UnknownRevision unknown) {
                HttpJson.error(r, 404, "unknown-rev", "revision " + rev + " is above the head " + unknown.head());
            } else if (outcome instanceof RestoreOutcome.Refused refused) {
                HttpJson.error(r, 409, "refused", refused.reason());
            } else {
                DocumentsServlet.notFound(r, id);
            }
        });
    }

    private static void done(HttpServletResponse r, VersionOutcome outcome, String id, long rev) throws IOException {
        if (outcome == VersionOutcome.DONE) {
            r.setStatus(204);
        } else {
            failed(r, outcome, id, rev);
        }
    }

    /** The one table from a version outcome to status and error code. */
    private static void failed(HttpServletResponse r, VersionOutcome outcome, String id, long rev) throws IOException {
        switch (outcome) {
            case NO_SUCH_DOCUMENT -> DocumentsServlet.notFound(r, id);
            case UNKNOWN_REVISION -> HttpJson.error(r, 404, "unknown-rev", "revision " + rev + " is above the head");
            case NAMED_ALREADY -> HttpJson.error(r, 409, "exists", "revision " + rev + " is named already: rename it with PUT");
            case NOT_NAMED -> HttpJson.error(r, 404, "not-found", "revision " + rev + " has no name");
            case INVALID_NAME -> HttpJson.error(r, 400, "invalid-name",
                    "a version name has 1 to 200 characters (UTF-16 units) and no control characters");
            default -> throw new IllegalStateException("not a failure: " + outcome);
        }
    }

    /** The body as a JSON object, or {@code null} after answering 400. */
    private static Map<?, ?> object(HttpServletResponse response, byte[] body) throws IOException {
        Object json;
        try {
            json = HttpJson.read(body);
        } catch (JsonbException e) {
            HttpJson.error(response, 400, "bad-request", "the body is not JSON");
            return null;
        }
        if (!(json instanceof Map<?, ?> object)) {
            HttpJson.error(response, 400, "bad-request", "the body is not a JSON object");
            return null;
        }
        return object;
    }
}
