-- The audit trail: every action that changes data or rules, appended, each entry holding the hash of the one
-- before it, so that changing or removing an entry breaks the chain from there on. audit_head is the chain's end,
-- locked by each append so entries are numbered and chained in one order.
CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor     TEXT,
    action    TEXT   NOT NULL,
    subject   TEXT   NOT NULL,
    detail    TEXT   NOT NULL,
    prev_hash TEXT   NOT NULL,
    hash      TEXT   NOT NULL
);

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY,
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
