package dev.tandem.web;

import dev.tandem.access.AccessControl;
import dev.tandem.access.Caller;
import dev.tandem.document.DocumentId;
import dev.tandem.document.DocumentService;
import dev.tandem.document.DocumentState;
import dev.tandem.document.RevisionDiff;
import dev.tandem.document.TextAtRevision;
import dev.tandem.document.Title;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.StoreException;
import dev.tandem.store.StoredOperation;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PROTOCOL.md's HTTP API under {@code /api/docs}. Requests run asynchronously: the service
 * answers on its own threads and the container thread is free meanwhile. Failures of the store
 * answer 503, anything unexpected 500; neither carries a stack trace.
 */
final class DocumentsServlet extends HttpServlet {

    /** PROTOCOL.md: at most this many operations per {@code /ops} call. */
    static final int MAX_OPERATIONS = 10_000;
    static final int MAX_LISTED = 10_000;

    private static final Logger LOG = Logger.getLogger(DocumentsServlet.class.getName());
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Characters of a drawn id: 22 of 62 symbols are 131 random bits, PROTOCOL.md asks for at least 128. */
    static final int FRESH_ID_LENGTH = 22;

    private final transient DocumentService service;
    private final int maxBodyBytes;
    private final boolean listOpen;
    private final transient SecureRandom random = new SecureRandom();
    private final transient VersionsApi versions;
    private final transient CommentsApi comments;
    /** With sign-in: whose documents are listed, and who owns a new one; {@code null} without. */
    private final transient AccessControl access;

    /**
     * @param listOpen whether {@code GET /api/docs} answers requests that carry no signed-in user:
     *                 where the instance has an edit token (whose filter has let the request through) or its
     *                 operator set {@code TANDEM_LIST_DOCUMENTS}. Otherwise a document's id is what lets its
     *                 holder edit, and the list of ids is nobody's business but a signed-in user's.
     * @param access   with sign-in, whose documents are listed and who owns a new one; {@code null} without
     */
    DocumentsServlet(DocumentService service, int maxBodyBytes, boolean listOpen, AccessControl access) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
        this.listOpen = listOpen;
        this.access = access;
        this.versions = new VersionsApi(service);
        this.comments = new CommentsApi(service);
    }

    /** A bug must not show the client a container error page with a stack trace: log it, answer 500. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws jakarta.servlet.ServletException, IOException {
        try {
            super.service(request, response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "failed answering " + request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                HttpJson.error(request, response, 500, "internal", "error.internal");
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length == 0) {
            if (access == null && !listOpen && request.getUserPrincipal() == null) {
                // the same answer as any path that is not there: the list is not advertised
                HttpJson.error(request, response, 404, "not-found", "error.noResource");
                return;
            }
            String query = request.getParameter("q");
            answer(request, listed(request).thenCompose(this::titled),
                    (r, list) -> HttpJson.write(r, 200, query == null ? list : ApiViews.SummaryView.titledWith(list, query)));
            return;
        }
        String id = path[0];
        if (!DocumentId.isValid(id)) {
            invalidId(request, response);
        } else if (path.length == 1) {
            // the read-only link's token goes only to those who have the id, which lets them edit anyway
            answer(request, service.get(id).thenCombine(service.viewToken(id), (found, token) ->
                    found.map(state -> ApiViews.DocumentView.of(state, token.orElse(null)))), (r, found) -> {
                if (found.isEmpty()) {
                    notFound(request, r, id);
                } else {
                    HttpJson.write(r, 200, found.get());
                }
            });
        } else if (path.length == 2 && path[1].equals("threads")) {
            comments.list(request, CompletableFuture.completedFuture(Optional.of(id)), id);
        } else if (path.length == 2 && path[1].equals("versions")) {
            versions.list(request, CompletableFuture.completedFuture(Optional.of(id)), id);
        } else if (path.length == 2 && (path[1].equals("text") || path[1].equals("ops") || path[1].equals("diff"))) {
            try {
                if (path[1].equals("text")) {
                    text(request, id);
                } else if (path[1].equals("diff")) {
                    diff(request, id, id);
                } else {
                    operations(request, id);
                }
            } catch (BadParameter e) {
                e.answer(request, response);
            }
        } else {
            HttpJson.error(request, response, 404, "not-found", "error.noResource");
        }
    }

    /**
     * Without sign-in, every document; with it, "My documents" ({@link AccessControl#documentsOf}),
     * or every document for an administrator who asks {@code ?all=true}.
     */
    private CompletionStage<List<DocumentSummary>> listed(HttpServletRequest request) {
        if (access == null) {
            return service.list(MAX_LISTED);
        }
        Caller caller = CallerRequest.callerOf(request);
        if (caller.admin() && "true".equals(request.getParameter("all"))) {
            return service.list(MAX_LISTED);
        }
        try {
            return CompletableFuture.completedFuture(access.documentsOf(caller, MAX_LISTED));
        } catch (StoreException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length >= 2 && path[1].equals("threads")) {
            changeThreads(request, response, "POST", path);
            return;
        }
        boolean naming = path.length == 2 && path[1].equals("versions");
        boolean restoring = path.length == 4 && path[1].equals("versions") && path[3].equals("restore");
        if (path.length != 0 && !naming && !restoring) {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.postOnly");
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            HttpJson.error(request, response, 413, "too-large", "error.tooLarge", "limit", maxBodyBytes);
            return;
        }
        if (naming || restoring) {
            Long rev = versionAddress(request, response, path);
            if (rev != null && naming) {
                versions.name(request, response, path[0], body);
            } else if (rev != null) {
                versions.restore(request, response, path[0], rev, body);
            }
            return;
        }
        String id;
        try {
            id = requestedId(body);
        } catch (BadBody e) {
            HttpJson.error(request, response, 400, "bad-request", e.key);
            return;
        }
        if (id != null && !DocumentId.isValid(id)) {
            invalidId(request, response);
            return;
        }
        String created = id != null ? id : freshId();
        Caller creator = CallerRequest.callerOf(request);
        answer(request, service.create(created).thenApply(isNew -> {
            if (isNew && access != null) {
                access.claim(created, creator); // on the store's thread that created it
            }
            return isNew;
        }).thenCompose(isNew -> isNew
                ? service.viewToken(created) : CompletableFuture.completedFuture(Optional.<String>empty())), (r, token) -> {
            if (token.isPresent()) {
                r.setHeader("Location", request.getContextPath() + "/api/docs/" + created);
                HttpJson.write(r, 201, new ApiViews.Created(created, token.get()));
            } else {
                HttpJson.error(request, r, 409, "exists", "error.exists", "id", created);
            }
        });
    }

    /** POST, PUT and DELETE of comment threads ({@link CommentsApi}). */
    private void changeThreads(HttpServletRequest request, HttpServletResponse response, String method, String[] path) throws IOException {
        if (!DocumentId.isValid(path[0])) {
            invalidId(request, response);
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            HttpJson.error(request, response, 413, "too-large", "error.tooLarge", "limit", maxBodyBytes);
            return;
        }
        comments.change(request, response, method, path, body);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length >= 2 && path[1].equals("threads")) {
            changeThreads(request, response, "PUT", path);
            return;
        }
        if (path.length != 3 || !path[1].equals("versions")) {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.putVersionsOnly");
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            HttpJson.error(request, response, 413, "too-large", "error.tooLarge", "limit", maxBodyBytes);
            return;
        }
        Long rev = versionAddress(request, response, path);
        if (rev != null) {
            versions.rename(request, response, path[0], rev, body);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request);
        if (path.length >= 2 && path[1].equals("threads")) {
            changeThreads(request, response, "DELETE", path);
            return;
        }
        if (path.length != 3 || !path[1].equals("versions")) {
            HttpJson.error(request, response, 405, "method-not-allowed", "error.deleteVersionsOnly");
            return;
        }
        Long rev = versionAddress(request, response, path);
        if (rev != null) {
            versions.delete(request, path[0], rev);
        }
    }

    /**
     * The revision of {@code /api/docs/{id}/versions/{rev}…} (-1 for {@code …/versions} itself),
     * or {@code null} after answering 400 for a malformed id or revision.
     */
    private static Long versionAddress(HttpServletRequest request, HttpServletResponse response, String[] path) throws IOException {
        if (!DocumentId.isValid(path[0])) {
            invalidId(request, response);
            return null;
        }
        if (path.length < 3) {
            return -1L;
        }
        try {
            long rev = Long.parseLong(path[2]);
            if (rev >= 0) {
                return rev;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        HttpJson.error(request, response, 400, "bad-parameter", "error.notNonNegative", "name", "rev", "value", path[2]);
        return null;
    }

    /** Each listed document with its {@link Title}, read from its text at the head. */
    private CompletionStage<List<ApiViews.SummaryView>> titled(List<DocumentSummary> summaries) {
        List<CompletableFuture<ApiViews.SummaryView>> views = summaries.stream()
                .map(summary -> service.get(summary.id()).toCompletableFuture().thenApply(found -> ApiViews.SummaryView.of(summary,
                        Title.of(summary.id(), found.map(DocumentState::text).orElse("")))))
                .toList();
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
                .thenApply(all -> views.stream().map(CompletableFuture::join).toList());
    }

    private void text(HttpServletRequest request, String id) throws BadParameter {
        Long rev = parameter(request, "rev");
        answer(request, textAt(service, id, rev), (r, result) -> sendText(request, r, result, rev, id));
    }

    /** The text at {@code rev}, or at the head when {@code rev} is {@code null}. */
    static CompletionStage<TextAtRevision> textAt(DocumentService service, String id, Long rev) {
        return rev == null
                ? service.get(id).thenApply(found -> found.<TextAtRevision>map(d -> new TextAtRevision.Found(d.rev(), d.text()))
                        .orElse(new TextAtRevision.NoSuchDocument()))
                : service.textAt(id, rev);
    }

    /** PROTOCOL.md's text answer; {@code shownAs} names the document in a 404 (never the id on a read-only link). */
    static void sendText(HttpServletRequest request, HttpServletResponse r, TextAtRevision result, Long rev, String shownAs)
            throws IOException {
        if (result instanceof TextAtRevision.Found found) {
            byte[] utf8 = found.text().getBytes(StandardCharsets.UTF_8);
            r.setStatus(200);
            r.setContentType("text/plain;charset=UTF-8");
            r.setHeader("X-Tandem-Rev", Long.toString(found.rev()));
            r.setContentLength(utf8.length);
            r.getOutputStream().write(utf8);
        } else if (result instanceof TextAtRevision.UnknownRevision unknown) {
            HttpJson.error(request, r, 404, "unknown-rev", "error.unknownRev", "rev", rev, "head", unknown.head());
        } else {
            notFound(request, r, shownAs);
        }
    }

    /** PROTOCOL.md's {@code /diff?from=A&to=B}; {@code shownAs} names the document in a 404. */
    void diff(HttpServletRequest request, String id, String shownAs) throws BadParameter {
        diff(service, request, CompletableFuture.completedFuture(Optional.of(id)), shownAs);
    }

    /** The diff of the document {@code id} names (none: 404), answered on {@code request}. */
    static void diff(DocumentService service, HttpServletRequest request, CompletionStage<Optional<String>> id, String shownAs)
            throws BadParameter {
        Long from = parameter(request, "from");
        Long to = parameter(request, "to");
        if (from == null || to == null) {
            throw BadParameter.keyed("error.fromToRequired");
        }
        if (from > to) {
            throw BadParameter.keyed("error.fromAboveTo", "from", from, "to", to);
        }
        answer(request, id.thenCompose(found -> found.isPresent()
                ? service.diff(found.get(), from, to)
                : CompletableFuture.completedFuture(new RevisionDiff.NoSuchDocument())), (r, result) -> {
            if (result instanceof RevisionDiff.Found found) {
                HttpJson.write(r, 200, ApiViews.DiffView.of(found));
            } else if (result instanceof RevisionDiff.UnknownRevision unknown) {
                HttpJson.error(request, r, 404, "unknown-rev", "error.unknownRev", "rev", to, "head", unknown.head());
            } else {
                notFound(request, r, shownAs);
            }
        });
    }

    private void operations(HttpServletRequest request, String id) throws BadParameter {
        CompletionStage<Optional<List<StoredOperation>>> ops = operations(service, id, parameter(request, "from"), parameter(request, "to"));
        answer(request, ops, (r, list) -> sendOperations(request, r, list, id, ApiViews.OperationView::of));
    }

    /** PROTOCOL.md's {@code /ops}: empty when there is no such document. */
    static CompletionStage<Optional<List<StoredOperation>>> operations(DocumentService service, String id, Long from, Long to) {
        long start = from == null ? 0 : from;
        return service.get(id).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            long end = Math.min(to == null ? found.get().rev() : to, found.get().rev());
            end = Math.min(end, start + MAX_OPERATIONS);
            return end <= start
                    ? CompletableFuture.completedFuture(Optional.of(List.of()))
                    : service.operations(id, start, end, MAX_OPERATIONS).thenApply(Optional::of);
        });
    }

    /** {@code shown}: how each operation is shown ({@code OperationView::readOnly} on a read-only link). */
    static void sendOperations(HttpServletRequest request, HttpServletResponse r, Optional<List<StoredOperation>> list,
            String shownAs, Function<StoredOperation, ApiViews.OperationView> shown) throws IOException {
        if (list.isEmpty()) {
            notFound(request, r, shownAs);
        } else {
            HttpJson.write(r, 200, list.get().stream().map(shown).toList());
        }
    }

    /** A non-negative integer parameter, or {@code null} if absent. */
    static Long parameter(HttpServletRequest request, String name) throws BadParameter {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter(name, value);
    }

    /** A malformed query parameter: answered 400 with the catalogue's {@code key}. */
    static final class BadParameter extends Exception {
        private final String key;
        private final Object[] params;

        BadParameter(String name, String value) {
            this("error.notNonNegative", new Object[] {"name", name, "value", value});
        }

        private BadParameter(String key, Object[] params) {
            super(key, null, false, false);
            this.key = key;
            this.params = params;
        }

        /** A parameter problem told by the catalogue's {@code key}, with its placeholders' names and values. */
        static BadParameter keyed(String key, Object... params) {
            return new BadParameter(key, params);
        }

        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HttpJson.error(request, response, 400, "bad-parameter", key, params);
        }
    }

    /** A creation request's body that is not what PROTOCOL.md asks: answered 400 with the catalogue's {@code key}. */
    static final class BadBody extends Exception {
        private final String key;

        BadBody(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    private static void invalidId(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpJson.error(request, response, 400, "invalid-id", "error.invalidId", "pattern", "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    }

    /** The body, or {@code null} when it is over the limit (PROTOCOL.md: 413). */
    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    /** The {@code id} of a creation request's JSON body, or {@code null} for a fresh one. */
    private static String requestedId(byte[] body) throws BadBody {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        Object json;
        try {
            json = HttpJson.read(body);
        } catch (JsonbException e) {
            throw new BadBody("error.notJson");
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new BadBody("error.notObject");
        }
        Object id = object.get("id");
        if (id != null && !(id instanceof String)) {
            throw new BadBody("error.idNotString");
        }
        return (String) id;
    }

    private String freshId() {
        StringBuilder id = new StringBuilder(FRESH_ID_LENGTH);
        for (int i = 0; i < FRESH_ID_LENGTH; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    static void notFound(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        HttpJson.error(request, response, 404, "not-found", "error.noDocument", "id", id);
    }

    static String[] segments(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            return new String[0];
        }
        return (path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1)).split("/", -1);
    }

    /** What to send once the service has answered. */
    interface Reply<T> {
        void send(HttpServletResponse response, T value) throws IOException;
    }

    /** Completes the request asynchronously with the service's answer, or 503/500 if it failed. */
    static <T> void answer(HttpServletRequest request, CompletionStage<T> stage, Reply<T> reply) {
        AsyncContext async = request.startAsync();
        stage.whenComplete((value, failure) -> {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            try {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause == null) {
                    reply.send(response, value);
                } else if (cause instanceof StoreException) {
                    LOG.log(Level.WARNING, "store failed answering " + request.getRequestURI(), cause);
                    HttpJson.error(request, response, 503, "unavailable", "error.unavailable");
                } else {
                    LOG.log(Level.SEVERE, "failed answering " + request.getRequestURI(), cause);
                    HttpJson.error(request, response, 500, "internal", "error.internal");
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not answer " + request.getRequestURI(), e);
            } finally {
                async.complete();
            }
        });
    }
}
