-- The customer master on PostgreSQL. Bodies are the wire shapes of DESIGN §8, stored as sent; the columns
-- beside them are what the master searches and locks by. Instants are UTC epoch milliseconds.
CREATE TABLE master_property (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customer (
    id         TEXT   PRIMARY KEY,
    version    BIGINT NOT NULL,
    body       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE customer_phone (
    number      TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (number, customer_id)
);

CREATE INDEX customer_phone_by_customer ON customer_phone (customer_id);

CREATE TABLE contact_event (
    id          TEXT   PRIMARY KEY,
    customer_id TEXT   NOT NULL REFERENCES customer (id),
    occurred_at BIGINT NOT NULL,
    body        TEXT   NOT NULL,
    stored_at   BIGINT NOT NULL
);
CREATE INDEX contact_event_by_customer ON contact_event (customer_id, occurred_at);

CREATE TABLE contact_rule (
    id       TEXT    NOT NULL,
    version  BIGINT  NOT NULL,
    body     TEXT    NOT NULL,
    deleted  BOOLEAN NOT NULL DEFAULT FALSE,
    saved_at BIGINT  NOT NULL,
    saved_by TEXT,
    PRIMARY KEY (id, version)
);

CREATE TABLE app_user (
    id            TEXT   PRIMARY KEY,
    username      TEXT   NOT NULL UNIQUE,
    display_name  TEXT   NOT NULL,
    role          TEXT   NOT NULL,
    team          TEXT,
    profile       TEXT   NOT NULL,
    -- "!" for someone who appears on timelines but cannot sign in.
    password_hash TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE user_session (
    token_hash TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES app_user (id),
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked    BOOLEAN NOT NULL DEFAULT FALSE
);

-- A call decided offline that the master, checking it on push, found in breach of a rule.
CREATE TABLE violation (
    event_id    TEXT   PRIMARY KEY REFERENCES contact_event (id),
    customer_id TEXT   NOT NULL,
    agent_id    TEXT,
    occurred_at BIGINT NOT NULL,
    detected_at BIGINT NOT NULL,
    decision    TEXT   NOT NULL
);
CREATE INDEX violation_by_time ON violation (detected_at);

-- Every change gets a sequence number, but with concurrent writers sequence order is not commit order. The feed
-- is therefore read in (txid, seq) order and only below the oldest transaction still running, so a change that
-- commits late is never skipped (see docs/decisions/0006).
CREATE TABLE change (
    seq            BIGSERIAL PRIMARY KEY,
    txid           BIGINT NOT NULL,
    kind           TEXT   NOT NULL,
    entity_id      TEXT   NOT NULL,
    entity_version BIGINT,
    op             TEXT   NOT NULL
);
CREATE INDEX change_feed ON change (txid, seq);
