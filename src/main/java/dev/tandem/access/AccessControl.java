package dev.tandem.access;

import dev.tandem.store.AccessStore;
import dev.tandem.store.DocumentAccess;
import dev.tandem.store.Grantee;
import dev.tandem.store.LinkSharing;
import dev.tandem.store.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides a caller's {@link Role} on a document, and changes who may do what.
 *
 * <p>Each document's rules are read from the {@link AccessStore} once and kept in memory, so
 * that checking an operation costs no query; every change made here writes the store, drops
 * the kept rules, and tells the document's watchers (open connections), which re-decide their
 * caller's role at once. Changes made by another server node reach this one through
 * {@link #poll}, every {@link #POLL_INTERVAL}.
 *
 * <p>The rule: an administrator is an owner of every document; otherwise the owner of record is
 * {@link Role#OWNER}, an entry naming the user or one of their groups gives its role, link
 * sharing gives its role to anyone (signed in or not), and the strongest of these counts. A
 * document without rules (made while nobody signed in) is reached by administrators only. A
 * read-scope API token caps the role at {@link Role#VIEWER}.
 *
 * <p>Threading: safe for concurrent use. {@link #roleOf} may block on the store when the rules
 * are not kept yet; changes block on it. Watchers are called on the changing thread and must
 * not block.
 */
public final class AccessControl {

    private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());

    /** What a change came to: expected outcomes, for the caller to answer with a status. */
    public enum Change {
        DONE,
        /** The caller may not make this change. */
        FORBIDDEN,
        /** Nothing was there to change (no such entry, document or user). */
        NOT_FOUND
    }

    /** How often {@link #poll} runs: a change made on another node reaches this one's connections this fast. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** How far back each {@link #poll} looks before the previous one. */
    static final Duration POLL_OVERLAP = Duration.ofSeconds(5);

    private final AccessStore store;
    private final int maxKept;
    /** When {@link #poll} last ran; touched by the polling thread only. */
    private Instant lastPolled;
    /** Each document's rules as last read; empty for a document without rules. */
    private final ConcurrentHashMap<String, Optional<DocumentAccess>> kept = new ConcurrentHashMap<>();
    /** Counts changes: rules read while one happened are not kept (they may predate it). */
    private final AtomicLong changes = new AtomicLong();
    private final ConcurrentHashMap<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    /** The groups access entries name, as last read; {@code null} after a change. */
    private volatile java.util.List<String> groupNames;

    /** @param maxKept how many documents' rules to keep in memory at most (all are dropped when full) */
    public AccessControl(AccessStore store, int maxKept) {
        this.store = store;
        this.maxKept = maxKept;
    }

    /** The caller's role on the document, or empty for none. */
    public Optional<Role> roleOf(String document, Caller caller) {
        return Optional.ofNullable(decide(rules(document), caller));
    }

    /** The document's rules (kept, or read now), empty when it has none. */
    public Optional<DocumentAccess> rules(String document) {
        Optional<DocumentAccess> rules = kept.get(document);
        if (rules != null) {
            return rules;
        }
        long seen = changes.get();
        Optional<DocumentAccess> read = store.access(document);
        if (kept.size() >= maxKept) {
            kept.clear(); // crude, and rare: rules are small and read again on demand
        }
        kept.put(document, read);
        if (changes.get() != seen) {
            kept.remove(document, read); // a change may have come between the read and the put
        }
        return read;
    }

    /** Every group some access entry names (kept like the rules; read again after a change). */
    public java.util.List<String> groupNames() {
        java.util.List<String> names = groupNames;
        if (names == null) {
            long seen = changes.get();
            names = store.groupNames();
            if (changes.get() == seen) {
                groupNames = names;
            }
        }
        return names;
    }

    /** The rule of the class comment, on rules already at hand. */
    public static Role decide(Optional<DocumentAccess> rules, Caller caller) {
        Role role = caller.admin() ? Role.OWNER : null;
        if (rules.isPresent()) {
            DocumentAccess access = rules.get();
            if (caller.isSignedIn()) {
                String user = caller.user().id();
                if (access.owner().equals(user)) {
                    role = Role.OWNER;
                }
                role = Role.max(role, access.entries().get(Grantee.user(user)));
                for (String group : caller.groups()) {
                    role = Role.max(role, access.entries().get(Grantee.group(group)));
                }
            }
            role = Role.max(role, access.linkSharing().grants());
        }
        if (role != null && !caller.mayWrite() && role.compareTo(Role.VIEWER) > 0) {
            role = Role.VIEWER;
        }
        return role;
    }

    /**
     * Calls {@code changed} whenever the document's rules change on this node, until the
     * returned handle is closed.
     */
    public AutoCloseable watch(String document, Runnable changed) {
        watchers.computeIfAbsent(document, d -> new CopyOnWriteArraySet<>()).add(changed);
        return () -> watchers.computeIfPresent(document, (d, set) -> {
            set.remove(changed);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * "My documents": those the caller owns or an entry gives to them or their groups, most
     * recently changed first (none for an anonymous caller).
     */
    public java.util.List<dev.tandem.store.DocumentSummary> documentsOf(Caller caller, int limit) {
        return caller.isSignedIn() ? store.documentsOf(caller.user().id(), caller.groups(), limit) : java.util.List.of();
    }

    /** Makes the creator of a new document its owner; {@code false} when it has one already. */
    public boolean claim(String document, Caller creator) {
        if (!creator.isSignedIn()) {
            throw new IllegalArgumentException("only a signed-in user can own '" + document + "'");
        }
        return changing(document, () -> store.claim(document, creator.user().id()));
    }

    /** Gives a user or group a role; owners (and co-owners) may. */
    public Change share(String document, Caller actor, Grantee grantee, Role role) {
        return ownerChanges(document, actor, () -> {
            if (grantee.kind() == Grantee.Kind.USER && store.user(grantee.name()).isEmpty()) {
                return Change.NOT_FOUND;
            }
            store.grant(document, grantee, role);
            return Change.DONE;
        });
    }

    /** Removes a user's or group's entry; owners may. */
    public Change unshare(String document, Caller actor, Grantee grantee) {
        return ownerChanges(document, actor, () -> store.revoke(document, grantee) ? Change.DONE : Change.NOT_FOUND);
    }

    /** Sets link sharing; owners may. */
    public Change setLinkSharing(String document, Caller actor, LinkSharing sharing) {
        return ownerChanges(document, actor, () -> {
            store.setLinkSharing(document, sharing);
            return Change.DONE;
        });
    }

    /** Gives the document another owner of record; administrators may. */
    public Change changeOwner(String document, Caller actor, String newOwner) {
        if (!actor.admin() || !actor.mayWrite()) {
            return Change.FORBIDDEN;
        }
        if (store.user(newOwner).isEmpty()) {
            return Change.NOT_FOUND;
        }
        return changing(document, () -> {
            if (store.access(document).isPresent()) {
                store.changeOwner(document, newOwner);
                return Change.DONE;
            }
            // a document from before sign-in gets its first owner
            return store.claim(document, newOwner) ? Change.DONE : Change.NOT_FOUND;
        });
    }

    private Change ownerChanges(String document, Caller actor, Supplier<Change> change) {
        Optional<DocumentAccess> rules = rules(document);
        if (decide(rules, actor) != Role.OWNER || !actor.mayWrite()) {
            return Change.FORBIDDEN;
        }
        if (rules.isEmpty()) {
            return Change.NOT_FOUND; // an administrator on a document without rules: give it an owner first
        }
        return changing(document, change);
    }

    /** Runs a change of the store, then forgets the kept rules and tells the watchers. */
    private <T> T changing(String document, Supplier<T> change) {
        try {
            return change.get();
        } finally {
            changed(document);
        }
    }

    private void changed(String document) {
        changes.incrementAndGet();
        kept.remove(document);
        groupNames = null;
        for (Runnable watcher : watchers.getOrDefault(document, Set.of())) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a watcher of '" + document + "' failed", e);
            }
        }
    }

    /**
     * One round of learning what other server nodes changed (one indexed query): the documents
     * whose rules changed since the last round, less {@link #POLL_OVERLAP} (for commits still
     * under way then, and clocks of nodes that differ a little), are forgotten and their
     * watchers told, who re-decide (telling them again changes nothing). Called every
     * {@link #POLL_INTERVAL} by the web application's listener, one call at a time.
     */
    public void poll(Instant now) {
        Instant last = lastPolled;
        lastPolled = now;
        if (last == null) {
            return; // changes from before this node started are not kept here anyway
        }
        for (String document : store.accessChangedSince(last.minus(POLL_OVERLAP))) {
            changed(document);
        }
    }

    /** How many documents' rules are kept (for tests and metrics). */
    int keptCount() {
        return kept.size();
    }

    /** The documents watched now, and by how many (for tests). */
    Map<String, Integer> watched() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        watchers.forEach((document, set) -> counts.put(document, set.size()));
        return counts;
    }
}
