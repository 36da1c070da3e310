-- The hourly tallies are split over shards picked by customer, so that concurrent permits for different customers
-- do not all wait for one row; the rows kept so far become shard 0.
CREATE TABLE call_hour_sharded (
    hour_start       INTEGER NOT NULL,
    line_of_business TEXT    NOT NULL,
    team             TEXT    NOT NULL,
    shard            INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL,
    contacts         INTEGER NOT NULL,
    right_party      INTEGER NOT NULL,
    PRIMARY KEY (hour_start, line_of_business, team, shard)
);
INSERT INTO call_hour_sharded (hour_start, line_of_business, team, shard, attempts, contacts, right_party)
SELECT hour_start, line_of_business, team, 0, attempts, contacts, right_party FROM call_hour;
DROP TABLE call_hour;
ALTER TABLE call_hour_sharded RENAME TO call_hour;
CREATE TABLE rule_hour_sharded (
    hour_start       INTEGER NOT NULL,
    rule_id          TEXT    NOT NULL,
    line_of_business TEXT    NOT NULL,
    shard            INTEGER NOT NULL DEFAULT 0,
    placed           INTEGER NOT NULL,
    blocked          INTEGER NOT NULL,
    overridden       INTEGER NOT NULL,
    violated         INTEGER NOT NULL,
    PRIMARY KEY (hour_start, rule_id, line_of_business, shard)
);
INSERT INTO rule_hour_sharded (hour_start, rule_id, line_of_business, shard, placed, blocked, overridden, violated)
SELECT hour_start, rule_id, line_of_business, 0, placed, blocked, overridden, violated FROM rule_hour;
DROP TABLE rule_hour;
ALTER TABLE rule_hour_sharded RENAME TO rule_hour;
