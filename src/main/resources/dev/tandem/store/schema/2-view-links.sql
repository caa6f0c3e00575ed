-- Tandem's schema, version 2: read-only links. Identical on H2 and PostgreSQL, idempotent like
-- version 1 (H2 commits DDL at once).

-- one read-only token per document (a table rather than a column of documents, so that links
-- can later be revoked or rotated without touching the document row); the token is 128 random
-- bits in base64url and says nothing about the id
CREATE TABLE IF NOT EXISTS view_links (
    token   VARCHAR(64)              NOT NULL PRIMARY KEY,
    doc     VARCHAR(128)             NOT NULL REFERENCES documents (id),
    created TIMESTAMP WITH TIME ZONE NOT NULL
);

-- one link per document: two nodes creating one at once, the loser reads the winner's
CREATE UNIQUE INDEX IF NOT EXISTS view_links_doc ON view_links (doc);
