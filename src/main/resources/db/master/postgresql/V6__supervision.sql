-- What supervisors review: offline calls the master found in breach of a rule (VIOLATION) and calls made despite
-- a rule (OVERRIDE), each acknowledged once, with a comment.
ALTER TABLE violation RENAME TO flagged_call;
ALTER TABLE flagged_call ADD COLUMN kind TEXT NOT NULL DEFAULT 'VIOLATION';
ALTER TABLE flagged_call ADD COLUMN line_of_business TEXT;
ALTER TABLE flagged_call ADD COLUMN reason TEXT;
ALTER TABLE flagged_call ADD COLUMN acknowledged_by TEXT;
ALTER TABLE flagged_call ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE flagged_call ADD COLUMN acknowledgement TEXT;
UPDATE flagged_call SET line_of_business =
    (SELECT (e.body::json ->> 'lineOfBusiness') FROM contact_event e WHERE e.id = flagged_call.event_id);
INSERT INTO flagged_call (event_id, customer_id, agent_id, occurred_at, detected_at, decision, kind, line_of_business,
                          reason)
SELECT e.id, e.customer_id, (e.body::json ->> 'agentId'), e.occurred_at, e.stored_at, 'null', 'OVERRIDE', (e.body::json ->> 'lineOfBusiness'),
       (e.body::json ->> 'overrideReason')
FROM contact_event e WHERE (e.body::json ->> 'overrideBy') IS NOT NULL;
CREATE INDEX flagged_call_by_time ON flagged_call (occurred_at);

-- Report tallies, kept in the transaction that stores the events they count, so a report never scans events.
-- Hours and weeks are UTC (weeks from Monday); a report turns hours into the reader's time zone.
-- Outbound calls: attempts; contacts (someone answered); right party (the customer spoke with the agent).
CREATE TABLE call_hour (
    hour_start       BIGINT NOT NULL,
    line_of_business TEXT   NOT NULL,
    team             TEXT   NOT NULL,
    attempts         BIGINT NOT NULL,
    contacts         BIGINT NOT NULL,
    right_party      BIGINT NOT NULL,
    PRIMARY KEY (hour_start, line_of_business, team)
);

-- Outbound calls per customer per week and line of business ('*': every line together). Only weeks with a repeat
-- call are indexed by count: those are what the repeat-call report looks for.
CREATE TABLE customer_week (
    week_start       BIGINT NOT NULL,
    line_of_business TEXT   NOT NULL,
    customer_id      TEXT   NOT NULL,
    calls            BIGINT NOT NULL,
    PRIMARY KEY (week_start, line_of_business, customer_id)
);
CREATE INDEX customer_week_repeats ON customer_week (week_start, line_of_business, calls) WHERE calls >= 2;

-- Per rule and hour: calls placed while it applied, attempts it blocked, blocks overridden, offline breaches found.
CREATE TABLE rule_hour (
    hour_start       BIGINT NOT NULL,
    rule_id          TEXT   NOT NULL,
    line_of_business TEXT   NOT NULL,
    placed           BIGINT NOT NULL,
    blocked          BIGINT NOT NULL,
    overridden       BIGINT NOT NULL,
    violated         BIGINT NOT NULL,
    PRIMARY KEY (hour_start, rule_id, line_of_business)
);

-- Events stored before this version, counted once.
INSERT INTO call_hour (hour_start, line_of_business, team, attempts, contacts, right_party)
SELECT (e.occurred_at / 3600000) * 3600000, (e.body::json ->> 'lineOfBusiness'), coalesce(u.team, ''), count(*),
       sum(CASE WHEN (e.body::json ->> 'outcome') IN ('CONVERSATION', 'REFUSED', 'SALE', 'WRONG_NUMBER') THEN 1 ELSE 0 END),
       sum(CASE WHEN (e.body::json ->> 'outcome') IN ('CONVERSATION', 'REFUSED', 'SALE') THEN 1 ELSE 0 END)
FROM contact_event e LEFT JOIN app_user u ON u.id = (e.body::json ->> 'agentId')
WHERE (e.body::json ->> 'channel') = 'CALL' AND (e.body::json ->> 'direction') = 'OUTBOUND'
GROUP BY 1, 2, 3;
INSERT INTO customer_week (week_start, line_of_business, customer_id, calls)
SELECT ((e.occurred_at + 259200000) / 604800000) * 604800000 - 259200000, (e.body::json ->> 'lineOfBusiness'), e.customer_id, count(*)
FROM contact_event e WHERE (e.body::json ->> 'channel') = 'CALL' AND (e.body::json ->> 'direction') = 'OUTBOUND'
GROUP BY 1, 2, 3;
INSERT INTO customer_week (week_start, line_of_business, customer_id, calls)
SELECT week_start, '*', customer_id, sum(calls) FROM customer_week GROUP BY 1, 3;
