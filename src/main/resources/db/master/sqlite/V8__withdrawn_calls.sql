-- A permitted call the desk never dialled (the permit's answer was lost and the desk's own check then refused the
-- call, or the telephony failed): the call is taken out of the master and its id kept here, so a permit request
-- that arrives late with the same id is refused. body is the call as it was stored (null if the master never had
-- it); the feed's DELETE change for the call carries it, so the desks know which call to drop.
CREATE TABLE withdrawn_call (
    event_id     TEXT    PRIMARY KEY,
    customer_id  TEXT    NOT NULL,
    body         TEXT,
    withdrawn_by TEXT    NOT NULL,
    withdrawn_at INTEGER NOT NULL,
    reason       TEXT    NOT NULL
) WITHOUT ROWID;
