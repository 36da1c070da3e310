-- The rows an import finds customers by (phone numbers, source keys, e-mail addresses, name blocks) name their
-- customer by a number instead of its 36-character id. An import adds millions of them at random places in their
-- tables, and smaller rows cost less to add and fewer pages for each commit to write (ADR 0027).
-- A customer keeps their number for good; new ones are numbered after the highest.
CREATE SEQUENCE customer_num;
ALTER TABLE customer ADD COLUMN num BIGINT;
UPDATE customer SET num = nextval('customer_num');
ALTER TABLE customer ALTER COLUMN num SET NOT NULL;
ALTER TABLE customer ADD CONSTRAINT customer_num_key UNIQUE (num);
ALTER SEQUENCE customer_num OWNED BY customer.num;

ALTER TABLE customer_phone ADD COLUMN customer_num BIGINT;
UPDATE customer_phone l SET customer_num = c.num FROM customer c WHERE c.id = l.customer_id;
-- its key, foreign key and index go with it
ALTER TABLE customer_phone DROP COLUMN customer_id;
ALTER TABLE customer_phone ALTER COLUMN customer_num SET NOT NULL;
ALTER TABLE customer_phone ADD PRIMARY KEY (number, customer_num);
ALTER TABLE customer_phone ADD FOREIGN KEY (customer_num) REFERENCES customer (num) ON DELETE CASCADE;
CREATE INDEX customer_phone_by_customer ON customer_phone (customer_num);

ALTER TABLE customer_source_key ADD COLUMN customer_num BIGINT;
UPDATE customer_source_key l SET customer_num = c.num FROM customer c WHERE c.id = l.customer_id;
-- its key, foreign key and index go with it
ALTER TABLE customer_source_key DROP COLUMN customer_id;
ALTER TABLE customer_source_key ALTER COLUMN customer_num SET NOT NULL;
ALTER TABLE customer_source_key ADD PRIMARY KEY (source_system, source_key, customer_num);
ALTER TABLE customer_source_key ADD FOREIGN KEY (customer_num) REFERENCES customer (num) ON DELETE CASCADE;
CREATE INDEX customer_source_key_by_customer ON customer_source_key (customer_num);

ALTER TABLE customer_email ADD COLUMN customer_num BIGINT;
UPDATE customer_email l SET customer_num = c.num FROM customer c WHERE c.id = l.customer_id;
-- its key, foreign key and index go with it
ALTER TABLE customer_email DROP COLUMN customer_id;
ALTER TABLE customer_email ALTER COLUMN customer_num SET NOT NULL;
ALTER TABLE customer_email ADD PRIMARY KEY (email, customer_num);
ALTER TABLE customer_email ADD FOREIGN KEY (customer_num) REFERENCES customer (num) ON DELETE CASCADE;
CREATE INDEX customer_email_by_customer ON customer_email (customer_num);

ALTER TABLE customer_name_block ADD COLUMN customer_num BIGINT;
UPDATE customer_name_block l SET customer_num = c.num FROM customer c WHERE c.id = l.customer_id;
-- its key, foreign key and index go with it
ALTER TABLE customer_name_block DROP COLUMN customer_id;
ALTER TABLE customer_name_block ALTER COLUMN customer_num SET NOT NULL;
ALTER TABLE customer_name_block ADD PRIMARY KEY (block_key, customer_num);
ALTER TABLE customer_name_block ADD FOREIGN KEY (customer_num) REFERENCES customer (num) ON DELETE CASCADE;
CREATE INDEX customer_name_block_by_customer ON customer_name_block (customer_num);
