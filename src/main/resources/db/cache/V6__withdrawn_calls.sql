-- Calls whose dial permit may have been granted by the master but which this desk never dialled (the answer was
-- lost and the desk's own check refused the call, or the telephony failed). Each waits here until the master has
-- taken the call out, so it does not count against the customer.
CREATE TABLE withdrawn_call (
    event_id    TEXT    PRIMARY KEY,
    customer_id TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    queued_at   INTEGER NOT NULL
) WITHOUT ROWID;
