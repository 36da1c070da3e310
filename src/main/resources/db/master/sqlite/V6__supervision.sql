-- What supervisors review: offline calls the master found in breach of a rule (VIOLATION) and calls made despite
-- a rule (OVERRIDE), each acknowledged once, with a comment.
ALTER TABLE violation RENAME TO flagged_call;
ALTER TABLE flagged_call ADD COLUMN kind TEXT NOT NULL DEFAULT 'VIOLATION';
ALTER TABLE flagged_call ADD COLUMN line_of_business TEXT;
ALTER TABLE flagged_call ADD COLUMN reason TEXT;
ALTER TABLE flagged_call ADD COLUMN acknowledged_by TEXT;
ALTER TABLE flagged_call ADD COLUMN acknowledged_at INTEGER;
ALTER TABLE flagged_call ADD COLUMN acknowledgement TEXT;
UPDATE flagged_call SET line_of_business =
    (SELECT json_extract(e.body, '$.lineOfBusiness') FROM contact_event e WHERE e.id = flagged_call.event_id);
INSERT INTO flagged_call (event_id, customer_id, agent_id, occurred_at, detected_at, decision, kind, line_of_business,
                          reason)
SELECT e.id, e.customer_id, json_extract(e.body, '$.agentId'), e.occurred_at, e.stored_at, 'null', 'OVERRIDE', json_extract(e.body, '$.lineOfBusiness'),
       json_extract(e.body, '$.overrideReason')
FROM contact_event e WHERE json_extract(e.body, '$.overrideBy') IS NOT NULL;
CREATE INDEX flagged_call_by_time ON flagged_call (occurred_at);

-- Report tallies, kept in the transaction that stores the events they count, so a report never scans events.
-- Hours and weeks are UTC (weeks from Monday); a report turns hours into the reader's time zone.
-- Outbound calls: attempts; contacts (someone answered); right party (the customer spoke with the agent).
CREATE TABLE call_hour (
    hour_start       INTEGER NOT NULL,
    line_of_business TEXT   NOT NULL,
    team             TEXT   NOT NULL,
    attempts         INTEGER NOT NULL,
    contacts         INTEGER NOT NULL,
    right_party      INTEGER NOT NULL,
    PRIMARY KEY (hour_start, line_of_business, team)
);

-- Outbound calls per customer per week and line of business ('*': every line together). Only weeks with a repeat
-- call are indexed by count: those are what the repeat-call report looks for.
CREATE TABLE customer_week (
    week_start       INTEGER NOT NULL,
    line_of_business TEXT   NOT NULL,
    customer_id      TEXT   NOT NULL,
    calls            INTEGER NOT NULL,
    PRIMARY KEY (week_start, line_of_business, customer_id)
);
CREATE INDEX customer_week_repeats ON customer_week (week_start, line_of_business, calls) WHERE calls >= 2;

-- Per rule and hour: calls placed while it applied, attempts it blocked, blocks overridden, offline breaches found.
CREATE TABLE rule_hour (
    hour_start       INTEGER NOT NULL,
    rule_id          TEXT   NOT NULL,
    line_of_business TEXT   NOT NULL,
    placed           INTEGER NOT NULL,
    blocked          INTEGER NOT NULL,
    overridden       INTEGER NOT NULL,
    violated         INTEGER NOT NULL,
    PRIMARY KEY (hour_start, rule_id, line_of_business)
);

-- Events stored before this version, counted once.
INSERT INTO call_hour (hour_start, line_of_business, team, attempts, contacts, right_party)
SELECT (e.occurred_at / 3600000) * 3600000, json_extract(e.body, '$.lineOfBusiness'), coalesce(u.team, ''), count(*),
       sum(CASE WHEN json_extract(e.body, '$.outcome') IN ('CONVERSATION', 'REFUSED', 'SALE', 'WRONG_NUMBER') THEN 1 ELSE 0 END),
       sum(CASE WHEN json_extract(e.body, '$.outcome') IN ('CONVERSATION', 'REFUSED', 'SALE') THEN 1 ELSE 0 END)
FROM contact_event e LEFT JOIN app_user u ON u.id = json_extract(e.body, '$.agentId')
WHERE json_extract(e.body, '$.channel') = 'CALL' AND json_extract(e.body, '$.direction') = 'OUTBOUND'
GROUP BY 1, 2, 3;
INSERT INTO customer_week (week_start, line_of_business, customer_id, calls)
SELECT ((e.occurred_at + 259200000) / 604800000) * 604800000 - 259200000, json_extract(e.body, '$.lineOfBusiness'), e.customer_id, count(*)
FROM contact_event e WHERE json_extract(e.body, '$.channel') = 'CALL' AND json_extract(e.body, '$.direction') = 'OUTBOUND'
GROUP BY 1, 2, 3;
INSERT INTO customer_week (week_start, line_of_business, customer_id, calls)
SELECT week_start, '*', customer_id, sum(calls) FROM customer_week GROUP BY 1, 3;
