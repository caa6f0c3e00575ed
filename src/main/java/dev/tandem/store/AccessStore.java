package dev.tandem.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of who may do what: users who signed in, each document's owner, access
 * entries and link sharing, and personal API tokens. A port beside {@link DocumentStore}, over the
 * same database ({@link DocumentStore#access()}); it decides nothing (that is
 * {@code dev.tandem.access}), it only keeps.
 *
 * <p>Threading: safe for concurrent use; every method may block on I/O. Failures of the storage
 * are {@link StoreException}s; a call that breaks what a method asks (an unknown document or
 * user where one must exist) is an {@link IllegalArgumentException} naming the values, and
 * writes nothing.
 */
public interface AccessStore {

    /**
     * Records a sign-in: the user with this issuer and subject gets the name, e-mail and groups
     * given, and is created (with a fresh id) on the first sign-in.
     *
     * @return the stored user, with the id it keeps from then on
     */
    StoredUser signIn(String issuer, String subject, String name, String email, List<String> groups);

    /** The user with this id, or empty. */
    Optional<StoredUser> user(String id);

    /**
     * Users whose name, e-mail or subject starts with {@code prefix} (case-insensitive), by name,
     * at most {@code limit}: whom a share dialog may offer.
     */
    List<StoredUser> findUsers(String prefix, int limit);

    /**
     * Makes {@code owner} the owner of a document that has none yet, with no entries and link
     * sharing off.
     *
     * @return {@code false} when the document has an owner already (nothing changes then)
     * @throws IllegalArgumentException when the document or the user does not exist
     */
    boolean claim(String document, String owner);

    /**
     * Gives the document another owner (an administrator's act). The old owner keeps no role
     * unless an entry gives one; an entry of the new owner is dropped.
     *
     * @throws IllegalArgumentException when the document has no owner yet, or the user does not exist
     */
    void changeOwner(String document, String owner);

    /** The document's owner, entries and link sharing; empty when it has no owner (made without sign-in). */
    Optional<DocumentAccess> access(String document);

    /**
     * Gives {@code grantee} the role {@code role} (replacing the one it had).
     *
     * An entry with {@link Role#OWNER} makes a co-owner, who may share as the owner does; the
     * owner of record changes only through {@link #changeOwner}.
     *
     * @throws IllegalArgumentException when the document has no owner, or a user grantee does not exist
     */
    void grant(String document, Grantee grantee, Role role);

    /** Removes the grantee's entry; {@code false} when it had none. */
    boolean revoke(String document, Grantee grantee);

    /** @throws IllegalArgumentException when the document has no owner */
    void setLinkSharing(String document, LinkSharing sharing);

    /**
     * The documents {@code user} owns or that an entry gives to the user or one of
     * {@code groups}, most recently changed first (ties by id), at most {@code limit}. Link
     * sharing does not put a document here.
     */
    List<DocumentSummary> documentsOf(String user, Collection<String> groups, int limit);

    /**
     * The documents whose rules (owner, entries, link sharing) changed at or after {@code since}
     * (by the clock of the node that changed them): how a node learns of changes made by others.
     */
    List<String> accessChangedSince(java.time.Instant since);

    /**
     * Every group that some access entry names, sorted: the roles a servlet container is asked
     * about, since it cannot list a user's roles.
     */
    List<String> groupNames();

    /** Documents that have an owner, most recently changed first: what administrators list. */
    List<DocumentSummary> ownedDocuments(int limit);

    /**
     * Stores a new token. {@code digest} is the SHA-256 digest of its secret, in lower-case hex;
     * the secret itself is never given to the store.
     *
     * @throws IllegalArgumentException when the user does not exist, or the id or digest is taken
     */
    void saveToken(ApiToken token, String digest);

    /** The user's tokens, oldest first. */
    List<ApiToken> tokens(String user);

    /** Deletes one of the user's tokens; {@code false} when the user has no token with this id. */
    boolean revokeToken(String user, String id);

    /** The token whose secret has this digest, or empty. */
    Optional<ApiToken> tokenOfDigest(String digest);
}
