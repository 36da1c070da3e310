-- The desk's local copy of the customer master. Ids are UUID text shared with the master;
-- instants are UTC epoch milliseconds. seq is a stable integer key for the search index.

CREATE TABLE customer (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL UNIQUE,
    version             INTEGER NOT NULL,
    given_name          TEXT,
    family_name         TEXT,
    display_name        TEXT    NOT NULL,
    birth_date          TEXT,
    time_zone           TEXT,
    do_not_call         INTEGER NOT NULL DEFAULT 0,
    do_not_call_reason  TEXT,
    merged_into         TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);

CREATE TABLE phone (
    customer_id TEXT    NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    number      TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    opted_out   INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL,
    PRIMARY KEY (customer_id, number)
) WITHOUT ROWID;
CREATE INDEX phone_by_number ON phone (number);

CREATE TABLE email (
    customer_id TEXT    NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    address     TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (customer_id, address)
) WITHOUT ROWID;

CREATE TABLE account (
    customer_id      TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    line_of_business TEXT NOT NULL,
    source_system    TEXT NOT NULL,
    source_key       TEXT NOT NULL,
    product          TEXT,
    status           TEXT NOT NULL,
    opened_on        TEXT,
    PRIMARY KEY (source_system, source_key)
) WITHOUT ROWID;
CREATE INDEX account_by_customer ON account (customer_id);

CREATE TABLE agent (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    team         TEXT
) WITHOUT ROWID;

CREATE TABLE contact_event (
    id               TEXT    PRIMARY KEY,
    customer_id      TEXT    NOT NULL,
    occurred_at      INTEGER NOT NULL,
    channel          TEXT    NOT NULL,
    direction        TEXT    NOT NULL,
    line_of_business TEXT    NOT NULL,
    campaign         TEXT,
    agent_id         TEXT,
    number           TEXT,
    outcome          TEXT,
    duration_seconds INTEGER NOT NULL DEFAULT 0,
    notes            TEXT    NOT NULL DEFAULT '',
    source_system    TEXT    NOT NULL,
    provisional      INTEGER NOT NULL DEFAULT 0,
    override_by      TEXT,
    override_reason  TEXT
);
-- Ties on occurred_at are broken by rowid, which every index entry already carries.
CREATE INDEX contact_event_timeline ON contact_event (customer_id, occurred_at DESC);

-- Search terms are computed by the application (names, e-mail parts, source keys, phone digits in every
-- form an agent types); the index keeps only rowids, so it stays small.
CREATE VIRTUAL TABLE customer_search USING fts5 (
    terms,
    content = '',
    contentless_delete = 1,
    detail = none,
    prefix = '2 3 4',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE cache_property (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
