-- Tandem's schema, version 3: one log row per document per commit round, and exactly-once by
-- each author's last seq instead of an index over every operation (store/package-info.java says
-- why). Identical on H2 (BYTEA is its BINARY VARYING) and PostgreSQL, idempotent like version 1.
-- The rows of version 2's operations table are moved here by LogMigration, which then drops it.

-- the operation log: each row holds the consecutive revisions rev, rev + 1, …, rev + revs - 1
-- (at most OperationRows.MAX_REVISIONS of them) in BatchCodec's binary form; rows are contiguous,
-- and (doc, rev) is the fence an append at a stale head runs into. No foreign key: the append
-- moves the documents row in the same transaction, and a check per row only costs. time is the
-- first operation's time; the others are kept inside ops relative to it.
CREATE TABLE IF NOT EXISTS operation_log (
    doc  VARCHAR(128)             NOT NULL,
    rev  BIGINT                   NOT NULL,
    revs INTEGER                  NOT NULL,
    ops  BYTEA                    NOT NULL,
    time TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (doc, rev)
);

-- per document and author (src): the newest seq applied and the revision it was applied at, which
-- is all a resend needs, because a client has one operation outstanding
CREATE TABLE IF NOT EXISTS sources (
    doc VARCHAR(128) NOT NULL,
    src VARCHAR(64)  NOT NULL,
    seq BIGINT       NOT NULL,
    rev BIGINT       NOT NULL,
    PRIMARY KEY (doc, src)
);
