-- Tandem's schema: sign-in and per-document access. Identical on H2 and PostgreSQL, idempotent
-- like version 1 (H2 commits DDL at once). Documents made without sign-in have no row in
-- document_owners and keep working as before when TANDEM_AUTH is none.

-- who signed in: id is Tandem's own (random), (issuer, subject) the provider's stable name
CREATE TABLE IF NOT EXISTS users (
    id       VARCHAR(64)              NOT NULL PRIMARY KEY,
    issuer   VARCHAR(512)             NOT NULL,
    subject  VARCHAR(255)             NOT NULL,
    name     VARCHAR(256)             NOT NULL,
    email    VARCHAR(320),
    signed_in TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS users_issuer_subject ON users (issuer, subject);

-- the groups the provider named at the user's last sign-in
CREATE TABLE IF NOT EXISTS user_groups (
    user_id   VARCHAR(64)  NOT NULL REFERENCES users (id),
    group_name VARCHAR(256) NOT NULL,
    PRIMARY KEY (user_id, group_name)
);

-- a document's owner (its creator) and link sharing (off, view, edit); changed is when any of
-- its rules (owner, entries, link sharing) last changed, which other nodes poll for
CREATE TABLE IF NOT EXISTS document_owners (
    doc          VARCHAR(128)             NOT NULL PRIMARY KEY REFERENCES documents (id),
    owner        VARCHAR(64)              NOT NULL REFERENCES users (id),
    link_sharing VARCHAR(8)               NOT NULL,
    changed      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS document_owners_owner ON document_owners (owner);
CREATE INDEX IF NOT EXISTS document_owners_changed ON document_owners (changed);

-- access entries: a user (by users.id) or a group (by name) with a role
CREATE TABLE IF NOT EXISTS document_access (
    doc     VARCHAR(128) NOT NULL REFERENCES document_owners (doc),
    kind    VARCHAR(8)   NOT NULL,
    grantee VARCHAR(256) NOT NULL,
    role    VARCHAR(16)  NOT NULL,
    PRIMARY KEY (doc, kind, grantee)
);

-- "shared with me": the entries of one user or group
CREATE INDEX IF NOT EXISTS document_access_grantee ON document_access (kind, grantee);

-- personal API tokens: only the SHA-256 digest of the secret is kept
CREATE TABLE IF NOT EXISTS api_tokens (
    id      VARCHAR(32)              NOT NULL PRIMARY KEY,
    user_id VARCHAR(64)              NOT NULL REFERENCES users (id),
    label   VARCHAR(200)             NOT NULL,
    scope   VARCHAR(8)               NOT NULL,
    digest  VARCHAR(64)              NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_digest ON api_tokens (digest);
CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens (user_id);
