package dev.tandem.web;

import dev.tandem.document.CommentOutcome;
import dev.tandem.document.DocumentService;
import dev.tandem.websocket.ThreadView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * PROTOCOL.md's comment threads under {@code /api/docs/{id}/threads}: list, open, reply,
 * resolve or reopen, edit and delete a comment. Whoever holds the id may comment (with
 * {@code TANDEM_EDIT_TOKEN}, the edit token's holders); a read-only link lists the threads
 * ({@link ViewServlet}) and can add nothing.
 */
final class CommentsApi {

    private final DocumentService service;

    CommentsApi(DocumentService service) {
        this.service = service;
    }

    /** {@code GET …/threads}; {@code shownAs} names the document in a 404. */
    void list(HttpServletRequest request, CompletionStage<Optional<String>> id, String shownAs) {
        DocumentsServlet.answer(request, id.thenCompose(found -> found.isPresent()
                ? service.threads(found.get()) : CompletableFuture.completedFuture(Optional.empty())), (r, threads) -> {
            if (threads.isEmpty()) {
                DocumentsServlet.notFound(request, r, shownAs);
            } else {
                HttpJson.write(r, 200, threads.get().stream().map(ThreadView::of).toList());
            }
        });
    }

    /** POST, PUT or DELETE under {@code …/threads}: {@code path} is {@code [id, "threads", …]}. */
    void change(HttpServletRequest request, HttpServletResponse response, String method, String[] path, byte[] body) throws IOException {
        Map<?, ?> json = HttpJson.object(request, response, body);
        if (json == null) {
            return;
        }
        String id = path[0];
        if (method.equals("POST") && path.length == 2) {
            Long rev = integer(json, "rev");
            Long from = integer(json, "from");
            Long to = integer(json, "to");
            if (rev == null || from == null || to == null || from > Integer.MAX_VALUE || to > Integer.MAX_VALUE) {
                HttpJson.error(request, response, 400, "bad-request", "error.threadAnchor");
                return;
            }
            reply(request, id, service.openThread(id, string(json, "thread"), string(json, "comment"), rev, from.intValue(),
                    to.intValue(), string(json, "text"), optional(json, "author"), string(json, "src")), 201);
        } else if (method.equals("POST") && path.length == 4 && path[3].equals("comments")) {
            reply(request, id, service.reply(id, path[2], string(json, "comment"), string(json, "text"), optional(json, "author"),
                    string(json, "src")), 201);
        } else if (method.equals("PUT") && path.length == 3) {
            if (!(json.get("resolved") instanceof Boolean resolved)) {
                HttpJson.error(request, response, 400, "bad-request", "error.threadResolved");
                return;
            }
            reply(request, id, service.resolveThread(id, path[2], resolved, optional(json, "by")), 204);
        } else if (method.equals("PUT") && path.length == 5 && path[3].equals("comments")) {
            reply(request, id, service.editComment(id, path[4], string(json, "text"), string(json, "src")), 204);
        } else if (method.equals("DELETE") && path.length == 5 && path[3].equals("comments")) {
            reply(request, id, service.deleteComment(id, path[4], string(json, "src")), 204);
        } else {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.methodNotAllowed", "method", method);
        }
    }

    private static void reply(HttpServletRequest request, String id, CompletionStage<CommentOutcome> outcome, int success) {
        DocumentsServlet.answer(request, outcome, (r, result) -> {
            switch (result) {
                case DONE -> {
                    r.setStatus(success);
                    r.setContentLength(0);
                }
                case NO_SUCH_DOCUMENT -> DocumentsServlet.notFound(request, r, id);
                case UNKNOWN_REVISION -> HttpJson.error(request, r, 404, "unknown-rev", "error.anchorAboveHead");
                case BAD_ANCHOR -> HttpJson.error(request, r, 400, "bad-anchor", "error.badAnchor");
                case INVALID -> HttpJson.error(request, r, 400, "bad-request", "error.invalidComment");
                case NO_SUCH_THREAD -> HttpJson.error(request, r, 404, "not-found", "error.noThread");
                case NO_SUCH_COMMENT -> HttpJson.error(request, r, 404, "not-found", "error.noComment");
                case CONFLICT -> HttpJson.error(request, r, 409, "exists", "error.commentIdTaken");
                case FORBIDDEN -> HttpJson.error(request, r, 403, "forbidden", "error.notCommentAuthor");
            }
        });
    }

    private static String string(Map<?, ?> json, String field) {
        return json.get(field) instanceof String s ? s : "";
    }

    private static String optional(Map<?, ?> json, String field) {
        return json.get(field) instanceof String s ? s : null;
    }

    private static Long integer(Map<?, ?> json, String field) {
        if (json.get(field) instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() < 9.0e15) {
            return n.longValue();
        }
        return null;
    }
}
