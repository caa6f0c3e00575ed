-- Tandem's schema, version 5: named versions and comments. Identical on H2, PostgreSQL and SQLite,
-- idempotent like the versions before it (H2 commits DDL at once).

-- a name given to one revision of a document ("Sent to the board"); one name per revision, so
-- naming it again is a rename; the revision itself lives in the operation log and is never
-- touched from here
CREATE TABLE IF NOT EXISTS named_versions (
    doc     VARCHAR(128)             NOT NULL REFERENCES documents (id),
    rev     BIGINT                   NOT NULL,
    name    VARCHAR(400)             NOT NULL,
    author  VARCHAR(256),
    created TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (doc, rev)
);

-- comment threads: anchored at [anchor_from, anchor_to) of the text at revision rev (the anchor
-- of any later revision follows from the log), with the text it was put on (quote) to show once
-- that text is deleted; ids are drawn by clients, so a resent thread is found, never doubled.
-- quote and text are JSON string literals, as snapshots are: PostgreSQL's TEXT holds no U+0000
CREATE TABLE IF NOT EXISTS comment_threads (
    doc         VARCHAR(128)             NOT NULL REFERENCES documents (id),
    id          VARCHAR(64)              NOT NULL,
    rev         BIGINT                   NOT NULL,
    anchor_from INTEGER                  NOT NULL,
    anchor_to   INTEGER                  NOT NULL,
    quote       TEXT                     NOT NULL,
    resolved    BOOLEAN                  NOT NULL,
    resolved_by VARCHAR(256),
    created     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (doc, id)
);

-- a thread's comments, the first one included; src is the author's editor instance, which alone
-- may edit or delete the comment (it is never shown)
CREATE TABLE IF NOT EXISTS comments (
    doc     VARCHAR(128)             NOT NULL,
    id      VARCHAR(64)              NOT NULL,
    thread  VARCHAR(64)              NOT NULL,
    src     VARCHAR(64)              NOT NULL,
    author  VARCHAR(256),
    text    TEXT                     NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL,
    edited  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (doc, id),
    FOREIGN KEY (doc, thread) REFERENCES comment_threads (doc, id)
);
