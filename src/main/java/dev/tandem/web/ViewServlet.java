package dev.tandem.web;

import dev.tandem.document.DocumentService;
import dev.tandem.store.ViewTokens;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The read-only HTTP API of a read-only link, under {@code /api/view/{token}}: the same answers
 * as {@code GET /api/docs/{id}} and its {@code /text}, {@code /ops}, {@code /diff}, {@code /versions} and {@code /threads}, reached by the token
 * alone. Nothing here names the document's id (which would let its holder edit); an unknown
 * or malformed token is a 404 like a missing document. Only GET: a link can change nothing.
 */
final class ViewServlet extends HttpServlet {

    private final transient DocumentService service;

    ViewServlet(DocumentService service) {
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = DocumentsServlet.segments(request);
        if (path.length == 0 || path.length > 2 || !ViewTokens.isWellFormed(path[0])) {
            HttpJson.error(request, response, 404, "not-found", "error.noViewLink");
            return;
        }
        String token = path[0];
        try {
            if (path.length == 1) {
                DocumentsServlet.answer(request, resolved(token, id -> service.get(id)), (r, found) -> {
                    if (found.isEmpty()) {
                        DocumentsServlet.notFound(request, r, token);
                    } else {
                        HttpJson.write(r, 200, ApiViews.DocumentView.readOnly(found.get()));
                    }
                });
            } else if (path[1].equals("text")) {
                Long rev = DocumentsServlet.parameter(request, "rev");
                DocumentsServlet.answer(request, resolvedOr(token, id -> DocumentsServlet.textAt(service, id, rev), null),
                        (r, text) -> {
                            if (text == null) {
                                DocumentsServlet.notFound(request, r, token);
                            } else {
                                DocumentsServlet.sendText(request, r, text, rev, token);
                            }
                        });
            } else if (path[1].equals("threads")) {
                new CommentsApi(service).list(request, service.documentOfViewToken(token), token);
            } else if (path[1].equals("versions")) {
                new VersionsApi(service).list(request, service.documentOfViewToken(token), token);
            } else if (path[1].equals("diff")) {
                DocumentsServlet.diff(service, request, service.documentOfViewToken(token), token);
            } else if (path[1].equals("ops")) {
                Long from = DocumentsServlet.parameter(request, "from");
                Long to = DocumentsServlet.parameter(request, "to");
                DocumentsServlet.answer(request, resolved(token, id -> DocumentsServlet.operations(service, id, from, to)),
                        (r, ops) -> DocumentsServlet.sendOperations(request, r, ops, token, ApiViews.OperationView::readOnly));
            } else {
                HttpJson.error(request, response, 404, "not-found", "error.noResource");
            }
        } catch (DocumentsServlet.BadParameter e) {
            e.answer(request, response);
        }
    }

    /** {@code then} on the token's document; empty when the token opens none. */
    private <T> CompletionStage<Optional<T>> resolved(String token, Function<String, CompletionStage<Optional<T>>> then) {
        return resolvedOr(token, then, Optional.empty());
    }

    private <T> CompletionStage<T> resolvedOr(String token, Function<String, CompletionStage<T>> then, T none) {
        return service.documentOfViewToken(token).thenCompose(id -> id.isPresent()
                ? then.apply(id.get()) : CompletableFuture.completedFuture(none));
    }
}
