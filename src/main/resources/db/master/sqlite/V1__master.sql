-- The embedded customer master. Bodies are the wire shapes of DESIGN §8, stored as sent; the columns beside
-- them are what the master searches and locks by. Instants are UTC epoch milliseconds.
CREATE TABLE master_property (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE customer (
    id         TEXT    PRIMARY KEY,
    version    INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE customer_phone (
    number      TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (number, customer_id)
) WITHOUT ROWID;

CREATE INDEX customer_phone_by_customer ON customer_phone (customer_id);

CREATE TABLE contact_event (
    id          TEXT    PRIMARY KEY,
    customer_id TEXT    NOT NULL REFERENCES customer (id),
    occurred_at INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    stored_at   INTEGER NOT NULL
);
CREATE INDEX contact_event_by_customer ON contact_event (customer_id, occurred_at);

CREATE TABLE contact_rule (
    id       TEXT    NOT NULL,
    version  INTEGER NOT NULL,
    body     TEXT    NOT NULL,
    deleted  INTEGER NOT NULL DEFAULT 0,
    saved_at INTEGER NOT NULL,
    saved_by TEXT,
    PRIMARY KEY (id, version)
) WITHOUT ROWID;

CREATE TABLE app_user (
    id            TEXT    PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    team          TEXT,
    profile       TEXT    NOT NULL,
    -- "!" for someone who appears on timelines but cannot sign in.
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE user_session (
    token_hash TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES app_user (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- A call decided offline that the master, checking it on push, found in breach of a rule.
CREATE TABLE violation (
    event_id    TEXT    PRIMARY KEY REFERENCES contact_event (id),
    customer_id TEXT    NOT NULL,
    agent_id    TEXT,
    occurred_at INTEGER NOT NULL,
    detected_at INTEGER NOT NULL,
    decision    TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX violation_by_time ON violation (detected_at);

-- Every change gets a sequence number. txid orders the feed: writers here are serialised, so it is always 0
-- and the feed is in seq order, which is commit order.
CREATE TABLE change (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    txid           INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    entity_id      TEXT    NOT NULL,
    entity_version INTEGER,
    op             TEXT    NOT NULL
);
CREATE INDEX change_feed ON change (txid, seq);
