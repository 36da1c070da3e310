-- A writer no longer updates an hourly tally row shared with every other call of that hour: it appends what it adds
-- (or takes back) to a delta table, which no two writers share, and the server folds the deltas into the hourly rows
-- in short transactions of its own. Reports add the hourly rows and the deltas not yet folded in. With no shared row
-- to wait for, the hourly rows need no shards: the shards kept so far are added together.
CREATE TABLE call_hour_delta (
    hour_start       BIGINT NOT NULL,
    line_of_business TEXT   NOT NULL,
    team             TEXT   NOT NULL,
    attempts         BIGINT NOT NULL,
    contacts         BIGINT NOT NULL,
    right_party      BIGINT NOT NULL
);
CREATE TABLE rule_hour_delta (
    hour_start       BIGINT NOT NULL,
    rule_id          TEXT   NOT NULL,
    line_of_business TEXT   NOT NULL,
    placed           BIGINT NOT NULL,
    blocked          BIGINT NOT NULL,
    overridden       BIGINT NOT NULL,
    violated         BIGINT NOT NULL
);

CREATE TABLE call_hour_whole (
    hour_start       BIGINT NOT NULL,
    line_of_business TEXT   NOT NULL,
    team             TEXT   NOT NULL,
    attempts         BIGINT NOT NULL,
    contacts         BIGINT NOT NULL,
    right_party      BIGINT NOT NULL,
    CONSTRAINT call_hour_whole_pkey PRIMARY KEY (hour_start, line_of_business, team)
);
INSERT INTO call_hour_whole (hour_start, line_of_business, team, attempts, contacts, right_party)
SELECT hour_start, line_of_business, team, sum(attempts), sum(contacts), sum(right_party) FROM call_hour
GROUP BY hour_start, line_of_business, team;
DROP TABLE call_hour;
ALTER TABLE call_hour_whole RENAME TO call_hour;
ALTER TABLE call_hour RENAME CONSTRAINT call_hour_whole_pkey TO call_hour_pkey;

CREATE TABLE rule_hour_whole (
    hour_start       BIGINT NOT NULL,
    rule_id          TEXT   NOT NULL,
    line_of_business TEXT   NOT NULL,
    placed           BIGINT NOT NULL,
    blocked          BIGINT NOT NULL,
    overridden       BIGINT NOT NULL,
    violated         BIGINT NOT NULL,
    CONSTRAINT rule_hour_whole_pkey PRIMARY KEY (hour_start, rule_id, line_of_business)
);
INSERT INTO rule_hour_whole (hour_start, rule_id, line_of_business, placed, blocked, overridden, violated)
SELECT hour_start, rule_id, line_of_business, sum(placed), sum(blocked), sum(overridden), sum(violated) FROM rule_hour
GROUP BY hour_start, rule_id, line_of_business;
DROP TABLE rule_hour;
ALTER TABLE rule_hour_whole RENAME TO rule_hour;
ALTER TABLE rule_hour RENAME CONSTRAINT rule_hour_whole_pkey TO rule_hour_pkey;
