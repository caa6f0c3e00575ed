/**
 * Who may do what with a document when users sign in ({@code TANDEM_AUTH=oidc|container}): the
 * {@link dev.tandem.access.Caller} a request or connection acts for, the decision of its
 * {@link dev.tandem.store.Role} from the document's owner, access entries and link sharing, kept
 * in memory per document so that no operation costs a query ({@link dev.tandem.access.AccessControl}),
 * and personal API tokens ({@link dev.tandem.access.ApiTokens}).
 *
 * <p>May depend on {@code dev.tandem.store} and {@code java.*}; knows nothing of WebSocket,
 * servlets, OpenID Connect or the document service.
 */
package dev.tandem.access;
