-- Tandem's schema, version 1. Identical on H2 and PostgreSQL: TEXT is a character large object
-- on H2 and unbounded text on PostgreSQL, so one script serves both.
-- Every statement is idempotent (IF NOT EXISTS): H2 commits DDL at once instead of inside the
-- migration's transaction, so a start that died half-way simply runs the script again.

-- one row per document: rev is the head of its log, length the text's length in UTF-16 units
CREATE TABLE IF NOT EXISTS documents (
    id      VARCHAR(128)             NOT NULL PRIMARY KEY,
    rev     BIGINT                   NOT NULL,
    length  INTEGER                  NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL,
    updated TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the document list is ordered by the last change
CREATE INDEX IF NOT EXISTS documents_updated ON documents (updated);

-- the operation log: (doc, rev) is the order, and the key that a second server node loses on;
-- op is the operation's JSON wire form, e.g. [5,"abc",-2,30]
CREATE TABLE IF NOT EXISTS operations (
    doc    VARCHAR(128)             NOT NULL REFERENCES documents (id),
    rev    BIGINT                   NOT NULL,
    op     TEXT                     NOT NULL,
    src    VARCHAR(64)              NOT NULL,
    seq    BIGINT                   NOT NULL,
    client VARCHAR(64)              NOT NULL,
    name   VARCHAR(256),
    time   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (doc, rev)
);

-- a resent operation is found by its author's src and seq, and can never be applied twice
CREATE UNIQUE INDEX IF NOT EXISTS operations_src_seq ON operations (doc, src, seq);

-- the whole text at some revisions, so that loading replays a bounded tail; the text is kept as
-- a JSON string literal, because PostgreSQL's TEXT cannot hold U+0000 and a document may
CREATE TABLE IF NOT EXISTS snapshots (
    doc  VARCHAR(128) NOT NULL REFERENCES documents (id),
    rev  BIGINT       NOT NULL,
    text TEXT         NOT NULL,
    PRIMARY KEY (doc, rev)
);
