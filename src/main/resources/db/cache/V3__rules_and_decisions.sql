-- Contact rules, every version kept: a decision names the versions it used, so an old version must stay readable.
-- body is the rule in its wire shape (JSON), exactly as the master sends it.
CREATE TABLE contact_rule (
    id       TEXT    NOT NULL,
    version  INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    enabled  INTEGER NOT NULL,
    body     TEXT    NOT NULL,
    saved_at INTEGER NOT NULL,
    saved_by TEXT,
    PRIMARY KEY (id, version)
) WITHOUT ROWID;

-- The guard's decision for a call placed at this desk, with the rule versions it used.
CREATE TABLE dial_decision (
    event_id      TEXT    PRIMARY KEY REFERENCES contact_event (id) ON DELETE CASCADE,
    verdict       TEXT    NOT NULL,
    provisional   INTEGER NOT NULL,
    rule_versions TEXT    NOT NULL,
    reasons       TEXT    NOT NULL,
    decided_at    INTEGER NOT NULL
) WITHOUT ROWID;
