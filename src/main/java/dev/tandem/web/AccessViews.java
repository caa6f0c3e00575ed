package dev.tandem.web;

import dev.tandem.access.Caller;
import dev.tandem.store.ApiToken;
import dev.tandem.store.DocumentAccess;
import dev.tandem.store.StoredUser;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The JSON bodies of the sign-in routes (README "Sign-in"), shaped for JSON-B. */
public final class AccessViews {

    private AccessViews() {
    }

    /** A user as others see them in a share dialog. */
    @JsonbPropertyOrder({"id", "name", "email"})
    public record UserView(String id, String name, String email) {
        static UserView of(StoredUser user) {
            return new UserView(user.id(), user.name(), user.email());
        }
    }

    /** {@code GET /api/me}. */
    @JsonbPropertyOrder({"id", "name", "email", "subject", "groups", "admin", "scope"})
    public record Me(String id, String name, String email, String subject, List<String> groups, boolean admin, String scope) {
        static Me of(Caller caller) {
            StoredUser user = caller.user();
            return new Me(user.id(), user.name(), user.email(), user.subject(), caller.groups().stream().sorted().toList(),
                    caller.admin(), caller.scope() == null ? null : caller.scope().wireName());
        }
    }

    /** One access entry; {@code name} is the user's id or the group's name, {@code displayName} what to show. */
    @JsonbPropertyOrder({"kind", "name", "displayName", "role"})
    public record EntryView(String kind, String name, String displayName, String role) {
    }

    /** {@code GET /api/access/{id}}. */
    @JsonbPropertyOrder({"document", "owner", "role", "linkSharing", "entries"})
    public record AccessView(String document, UserView owner, String role, String linkSharing, List<EntryView> entries) {
        static AccessView of(DocumentAccess access, String callerRole, Function<String, UserView> users) {
            List<EntryView> entries = access.entries().entrySet().stream()
                    .map(e -> new EntryView(e.getKey().kind().wireName(), e.getKey().name(),
                            e.getKey().kind() == dev.tandem.store.Grantee.Kind.USER ? users.apply(e.getKey().name()).name() : e.getKey().name(),
                            e.getValue().wireName()))
                    .sorted(Comparator.comparing(EntryView::kind).thenComparing(EntryView::displayName))
                    .toList();
            return new AccessView(access.document(), users.apply(access.owner()), callerRole, access.linkSharing().wireName(), entries);
        }
    }

    /** A token as its owner lists it (never the secret). */
    @JsonbPropertyOrder({"id", "label", "scope", "created"})
    public record TokenView(String id, String label, String scope, String created) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.label(), token.scope().wireName(), String.valueOf(token.created()));
        }
    }

    /** {@code POST /api/tokens}: the only answer that carries the secret. */
    @JsonbPropertyOrder({"id", "label", "scope", "created", "secret"})
    public record MadeToken(String id, String label, String scope, String created, String secret) {
    }
}
