package dev.tandem.web;

import dev.tandem.document.DocumentService;
import dev.tandem.document.RestoreOutcome;
import dev.tandem.document.VersionOutcome;
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
                DocumentsServlet.notFound(request, r, shownAs);
            } else {
                HttpJson.write(r, 200, versions.get().stream().map(ApiViews.VersionView::of).toList());
            }
        });
    }

    /** {@code POST …/versions} {@code {"rev":N,"name":…,"author":…}}. */
    void name(HttpServletRequest request, HttpServletResponse response, String id, byte[] body) throws IOException {
        Map<?, ?> json = HttpJson.object(request, response, body);
        if (json == null) {
            return;
        }
        if (!(json.get("rev") instanceof Number rev) || rev.doubleValue() < 0 || rev.doubleValue() != Math.rint(rev.doubleValue())) {
            HttpJson.error(request, response, 400, "bad-request", "error.versionRev");
            return;
        }
        if (!(json.get("name") instanceof String name)) {
            HttpJson.error(request, response, 400, "bad-request", "error.versionName");
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
                failed(request, r, outcome, id, at);
            }
        });
    }

    /** {@code PUT …/versions/{rev}} {@code {"name":…}}. */
    void rename(HttpServletRequest request, HttpServletResponse response, String id, long rev, byte[] body) throws IOException {
        Map<?, ?> json = HttpJson.object(request, response, body);
        if (json == null) {
            return;
        }
        if (!(json.get("name") instanceof String name)) {
            HttpJson.error(request, response, 400, "bad-request", "error.versionName");
            return;
        }
        DocumentsServlet.answer(request, service.renameVersion(id, rev, name), (r, outcome) -> done(request, r, outcome, id, rev));
    }

    /** {@code DELETE …/versions/{rev}}. */
    void delete(HttpServletRequest request, String id, long rev) {
        DocumentsServlet.answer(request, service.deleteVersion(id, rev), (r, outcome) -> done(request, r, outcome, id, rev));
    }

    /** {@code POST …/versions/{rev}/restore} {@code {"author":…}} (any revision, named or not). */
    void restore(HttpServletRequest request, HttpServletResponse response, String id, long rev, byte[] body) throws IOException {
        String author = null;
        if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            Map<?, ?> json = HttpJson.object(request, response, body);
            if (json == null) {
                return;
            }
            author = json.get("author") instanceof String a ? a : null;
        }
        DocumentsServlet.answer(request, service.restore(id, rev, author), (r, outcome) -> {
            if (outcome instanceof RestoreOutcome.Restored restored) {
                HttpJson.write(r, 200, new ApiViews.Restored(restored.head(), restored.changed()));
            } else if (outcome instanceof RestoreOutcome.UnknownRevision unknown) {
                HttpJson.error(request, r, 404, "unknown-rev", "error.unknownRev", "rev", rev, "head", unknown.head());
            } else if (outcome instanceof RestoreOutcome.Refused refused) {
                HttpJson.error(request, r, 409, "refused", "error.restoreRefused", "detail", refused.reason());
            } else {
                DocumentsServlet.notFound(request, r, id);
            }
        });
    }

    private static void done(HttpServletRequest request, HttpServletResponse r, VersionOutcome outcome, String id, long rev) throws IOException {
        if (outcome == VersionOutcome.DONE) {
            r.setStatus(204);
        } else {
            failed(request, r, outcome, id, rev);
        }
    }

    /** The one table from a version outcome to status and error code. */
    private static void failed(HttpServletRequest request, HttpServletResponse r, VersionOutcome outcome, String id, long rev) throws IOException {
        switch (outcome) {
            case NO_SUCH_DOCUMENT -> DocumentsServlet.notFound(request, r, id);
            case UNKNOWN_REVISION -> HttpJson.error(request, r, 404, "unknown-rev", "error.versionAboveHead", "rev", rev);
            case NAMED_ALREADY -> HttpJson.error(request, r, 409, "exists", "error.versionNamedAlready", "rev", rev);
            case NOT_NAMED -> HttpJson.error(request, r, 404, "not-found", "error.versionNotNamed", "rev", rev);
            case INVALID_NAME -> HttpJson.error(request, r, 400, "invalid-name", "error.versionInvalidName");
            default -> throw new IllegalStateException("not a failure: " + outcome);
        }
    }
}
