package dev.tandem.web;

import dev.tandem.document.DocumentState;
import dev.tandem.document.RevisionDiff;
import dev.tandem.store.Comment;
import dev.tandem.store.DocumentSummary;
import dev.tandem.store.NamedVersion;
import dev.tandem.store.StoredOperation;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Locale;

/**
 * The JSON bodies of PROTOCOL.md's HTTP API, shaped for JSON-B. Public because JSON-B reads
 * them by reflection from outside this package; times are ISO-8601 strings.
 */
public final class ApiViews {

    private ApiViews() {
    }

    /**
     * A document at its head. {@code viewToken} (its read-only link, {@code /v/{viewToken}}) is
     * given with the id to those who asked by id; on a read-only link neither is (JSON-B leaves
     * out nulls), so the link never reveals the id.
     */
    @JsonbPropertyOrder({"id", "rev", "text", "viewToken"})
    public record DocumentView(String id, long rev, String text, String viewToken) {
        static DocumentView of(DocumentState state, String viewToken) {
            return new DocumentView(state.id(), state.rev(), state.text(), viewToken);
        }

        static DocumentView readOnly(DocumentState state) {
            return new DocumentView(null, state.rev(), state.text(), null);
        }
    }

    /** An item of {@code GET /api/docs}; {@code title} as {@link dev.tandem.document.Title} says. */
    @JsonbPropertyOrder({"id", "title", "rev", "length", "updated"})
    public record SummaryView(String id, String title, long rev, int length, String updated) {
        static SummaryView of(DocumentSummary summary, String title) {
            return new SummaryView(summary.id(), title, summary.rev(), summary.length(), String.valueOf(summary.updated()));
        }

        /** The items whose title contains {@code query}, ignoring case ("My documents", searchable by title). */
        static List<SummaryView> titledWith(List<SummaryView> items, String query) {
            String wanted = query.strip().toLowerCase(java.util.Locale.ROOT);
            return items.stream().filter(item -> item.title().toLowerCase(java.util.Locale.ROOT).contains(wanted)).toList();
        }
    }

    /**
     * An operation of the log. On a read-only link it has no {@code src} (JSON-B leaves out nulls):
     * an author's {@code src} is for those who edit with them, and a link's holder edits nothing.
     */
    @JsonbPropertyOrder({"rev", "op", "client", "name", "src", "seq", "time"})
    public record OperationView(long rev, List<Object> op, String client, String name, String src, long seq, String time) {
        static OperationView of(StoredOperation op) {
            return new OperationView(op.rev(), op.operation().toWire(), op.client(), op.name(), op.src(), op.seq(),
                    String.valueOf(op.time()));
        }

        static OperationView readOnly(StoredOperation op) {
            return new OperationView(op.rev(), op.operation().toWire(), op.client(), op.name(), null, op.seq(),
                    String.valueOf(op.time()));
        }
    }

    /** PROTOCOL.md's diff: spans in document order, {@code author} written even when null (on {@code keep}). */
    @JsonbPropertyOrder({"from", "to", "spans"})
    public record DiffView(long from, long to, List<SpanView> spans) {
        static DiffView of(RevisionDiff.Found found) {
            return new DiffView(found.from(), found.to(), found.diff().spans().stream()
                    .map(span -> new SpanView(span.kind().name().toLowerCase(Locale.ROOT), span.text(), span.author()))
                    .toList());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"kind", "text", "author"})
    public record SpanView(String kind, String text, String author) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"rev", "name", "author", "created"})
    public record VersionView(long rev, String name, String author, String created) {
        static VersionView of(NamedVersion version) {
            return new VersionView(version.rev(), version.name(), version.author(), String.valueOf(version.created()));
        }
    }

    @JsonbPropertyOrder({"rev", "changed"})
    public record Restored(long rev, boolean changed) {
    }

    @JsonbPropertyOrder({"id", "viewToken"})
    public record Created(String id, String viewToken) {
    }
}
