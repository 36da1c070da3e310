-- Callbacks promised at wrap-up: who is to be called back, when, and by whom. Done when a later call is recorded.
CREATE TABLE callback (
    event_id    TEXT    PRIMARY KEY REFERENCES contact_event (id) ON DELETE CASCADE,
    customer_id TEXT    NOT NULL,
    due_at      INTEGER NOT NULL,
    agent_id    TEXT,
    done        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX callback_by_customer ON callback (customer_id, done, due_at);
