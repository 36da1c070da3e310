-- Possible duplicates an import found, for a supervisor to accept or reject; and every merge, with both records
-- as they were before it and the events it moved, so that it can be undone exactly. Who and when, both ways.
CREATE TABLE merge_suggestion (
    id           TEXT   PRIMARY KEY,
    customer_id  TEXT   NOT NULL REFERENCES customer (id),
    candidate_id TEXT   NOT NULL REFERENCES customer (id),
    score        REAL  NOT NULL,
    source       TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    decided_by   TEXT,
    decided_at   BIGINT
);
CREATE INDEX merge_suggestion_by_status ON merge_suggestion (status, created_at);

CREATE TABLE customer_merge (
    id              TEXT   PRIMARY KEY,
    survivor_id     TEXT   NOT NULL REFERENCES customer (id),
    merged_id       TEXT   NOT NULL REFERENCES customer (id),
    survivor_before TEXT   NOT NULL,
    merged_before   TEXT   NOT NULL,
    moved_events    TEXT   NOT NULL,
    merged_by       TEXT,
    merged_at       BIGINT NOT NULL,
    unmerged_by     TEXT,
    unmerged_at     BIGINT
);
