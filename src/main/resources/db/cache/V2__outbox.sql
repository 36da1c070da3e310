-- Contact events made at this desk wait here until the master has acknowledged them. An event and its outbox
-- row are written in one transaction, so nothing recorded can be lost or sent twice.
CREATE TABLE outbox (
    event_id  TEXT    PRIMARY KEY REFERENCES contact_event (id) ON DELETE CASCADE,
    queued_at INTEGER NOT NULL
) WITHOUT ROWID;
