package dev.tandem.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link AccessStore} in memory, the reference semantics the JDBC one must match (both run
 * the same contract test). Documents are those of the {@link DocumentStore} it is given.
 *
 * <p>Threading: every method holds this object's monitor; access changes are rare.
 */
public final class InMemoryAccessStore implements AccessStore {

    private final DocumentStore documents;
    private final Map<String, StoredUser> users = new HashMap<>();
    private final Map<String, DocumentAccess> access = new HashMap<>();
    /** Token id to token and digest, in the order they were made. */
    private final Map<String, ApiToken> tokens = new LinkedHashMap<>();
    private final Map<String, String> tokenByDigest = new HashMap<>();
    /** When each document's rules last changed. */
    private final Map<String, java.time.Instant> changed = new HashMap<>();
    private final java.time.Clock clock;

    public InMemoryAccessStore(DocumentStore documents) {
        this(documents, java.time.Clock.systemUTC());
    }

    public InMemoryAccessStore(DocumentStore documents, java.time.Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** Every change of a document's rules goes through here (the monitor is held). */
    private void put(String document, DocumentAccess rules) {
        access.put(document, rules);
        changed.put(document, CallerContract.truncate(clock.instant()));
    }

    @Override
    public synchronized List<String> accessChangedSince(java.time.Instant since) {
        java.time.Instant from = CallerContract.truncate(since);
        return changed.entrySet().stream().filter(e -> !e.getValue().isBefore(from)).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized StoredUser signIn(String issuer, String subject, String name, String email, List<String> groups) {
        String id = users.values().stream().filter(u -> u.issuer().equals(issuer) && u.subject().equals(subject))
                .map(StoredUser::id).findFirst().orElseGet(() -> UUID.randomUUID().toString());
        StoredUser user = new StoredUser(id, issuer, subject, name, email, groups);
        users.put(id, user);
        return user;
    }

    @Override
    public synchronized Optional<StoredUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized List<StoredUser> findUsers(String prefix, int limit) {
        CallerContract.checkLimit(limit);
        String lower = prefix.toLowerCase(Locale.ROOT);
        return users.values().stream()
                .filter(u -> starts(u.name(), lower) || starts(u.email(), lower) || starts(u.subject(), lower))
                .sorted(Comparator.comparing(StoredUser::name).thenComparing(StoredUser::id))
                .limit(limit).toList();
    }

    private static boolean starts(String value, String lowerPrefix) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(lowerPrefix);
    }

    @Override
    public synchronized boolean claim(String document, String owner) {
        requireDocument(document);
        requireUser(owner);
        if (access.containsKey(document)) {
            return false;
        }
        put(document, new DocumentAccess(document, owner, Map.of(), LinkSharing.OFF));
        return true;
    }

    @Override
    public synchronized void changeOwner(String document, String owner) {
        DocumentAccess current = owned(document);
        requireUser(owner);
        Map<Grantee, Role> entries = new HashMap<>(current.entries());
        entries.remove(Grantee.user(owner));
        put(document, new DocumentAccess(document, owner, entries, current.linkSharing()));
    }

    @Override
    public synchronized Optional<DocumentAccess> access(String document) {
        return Optional.ofNullable(access.get(document));
    }

    @Override
    public synchronized void grant(String document, Grantee grantee, Role role) {
        DocumentAccess current = owned(document);
        if (grantee.kind() == Grantee.Kind.USER) {
            requireUser(grantee.name());
        }
        Map<Grantee, Role> entries = new HashMap<>(current.entries());
        entries.put(grantee, role);
        put(document, new DocumentAccess(document, current.owner(), entries, current.linkSharing()));
    }

    @Override
    public synchronized boolean revoke(String document, Grantee grantee) {
        DocumentAccess current = access.get(document);
        if (current == null || !current.entries().containsKey(grantee)) {
            return false;
        }
        Map<Grantee, Role> entries = new HashMap<>(current.entries());
        entries.remove(grantee);
        put(document, new DocumentAccess(document, current.owner(), entries, current.linkSharing()));
        return true;
    }

    @Override
    public synchronized void setLinkSharing(String document, LinkSharing sharing) {
        DocumentAccess current = owned(document);
        put(document, new DocumentAccess(document, current.owner(), current.entries(), sharing));
    }

    @Override
    public synchronized List<DocumentSummary> documentsOf(String user, Collection<String> groups, int limit) {
        CallerContract.checkLimit(limit);
        List<String> ids = new ArrayList<>();
        for (DocumentAccess rules : access.values()) {
            boolean mine = rules.owner().equals(user) || rules.entries().containsKey(Grantee.user(user))
                    || groups.stream().anyMatch(g -> rules.entries().containsKey(Grantee.group(g)));
            if (mine) {
                ids.add(rules.document());
            }
        }
        return newestFirst(ids, limit);
    }

    @Override
    public synchronized List<String> groupNames() {
        return access.values().stream().flatMap(a -> a.entries().keySet().stream())
                .filter(g -> g.kind() == Grantee.Kind.GROUP).map(Grantee::name).distinct().sorted().toList();
    }

    @Override
    public synchronized List<DocumentSummary> ownedDocuments(int limit) {
        CallerContract.checkLimit(limit);
        return newestFirst(access.keySet(), limit);
    }

    private List<DocumentSummary> newestFirst(Collection<String> ids, int limit) {
        return ids.stream().map(documents::summary).flatMap(Optional::stream)
                .sorted(Comparator.comparing(DocumentSummary::updated).reversed().thenComparing(DocumentSummary::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized void saveToken(ApiToken token, String digest) {
        requireUser(token.user());
        if (tokens.containsKey(token.id()) || tokenByDigest.containsKey(digest)) {
            throw new IllegalArgumentException("a token with id " + token.id() + " or the same digest exists already");
        }
        tokens.put(token.id(), token);
        tokenByDigest.put(digest, token.id());
    }

    @Override
    public synchronized List<ApiToken> tokens(String user) {
        return tokens.values().stream().filter(t -> t.user().equals(user)).toList();
    }

    @Override
    public synchronized boolean revokeToken(String user, String id) {
        ApiToken token = tokens.get(id);
        if (token == null || !token.user().equals(user)) {
            return false;
        }
        tokens.remove(id);
        tokenByDigest.values().remove(id);
        return true;
    }

    @Override
    public synchronized Optional<ApiToken> tokenOfDigest(String digest) {
        return Optional.ofNullable(tokenByDigest.get(digest)).map(tokens::get);
    }

    private void requireDocument(String document) {
        if (documents.summary(document).isEmpty()) {
            throw new IllegalArgumentException("no document '" + document + "' to own");
        }
    }

    private void requireUser(String id) {
        if (!users.containsKey(id)) {
            throw new IllegalArgumentException("no user with id " + id);
        }
    }

    private DocumentAccess owned(String document) {
        DocumentAccess current = access.get(document);
        if (current == null) {
            throw new IllegalArgumentException("document '" + document + "' has no owner: claim it first");
        }
        return current;
    }
}
