-- A rule the master retired: its last version is kept (decisions name it) but it no longer applies.
ALTER TABLE contact_rule ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

-- The outbox remembers which version of an event it holds: an acknowledgement for an older version (a PENDING
-- call since wrapped up) must not drop the newer one.
ALTER TABLE outbox ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
