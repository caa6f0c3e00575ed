-- Tandem's schema, version 4: named versions. Identical on H2 and PostgreSQL, idempotent like
-- the versions before it (H2 commits DDL at once). Version 3 is another change's.

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
