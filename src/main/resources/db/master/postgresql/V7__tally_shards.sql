-- The hourly tallies are split over shards picked by customer, so that concurrent permits for different customers
-- do not all wait for one row; the rows kept so far become shard 0.
ALTER TABLE call_hour ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE call_hour DROP CONSTRAINT call_hour_pkey;
ALTER TABLE call_hour ADD PRIMARY KEY (hour_start, line_of_business, team, shard);
ALTER TABLE rule_hour ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE rule_hour DROP CONSTRAINT rule_hour_pkey;
ALTER TABLE rule_hour ADD PRIMARY KEY (hour_start, rule_id, line_of_business, shard);
