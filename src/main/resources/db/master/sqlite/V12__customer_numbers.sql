-- The rows an import finds customers by (phone numbers, source keys, e-mail addresses, name blocks) name their
-- customer by a number instead of its 36-character id. An import adds millions of them at random places in their
-- tables, and smaller rows cost less to add and fewer pages for each commit to write (ADR 0027).
-- A customer keeps their number for good; new ones are numbered after the highest.
-- A column added here cannot be NOT NULL; every customer written is given one.
ALTER TABLE customer ADD COLUMN num INTEGER;
UPDATE customer SET num = rowid;
CREATE UNIQUE INDEX customer_by_num ON customer (num);

CREATE TABLE customer_phone_by_num (
    number TEXT NOT NULL,
    customer_num INTEGER NOT NULL REFERENCES customer (num) ON DELETE CASCADE,
    PRIMARY KEY (number, customer_num)
) WITHOUT ROWID;
INSERT INTO customer_phone_by_num (number, customer_num)
SELECT l.number, c.num FROM customer_phone l JOIN customer c ON c.id = l.customer_id;
DROP TABLE customer_phone;
ALTER TABLE customer_phone_by_num RENAME TO customer_phone;
CREATE INDEX customer_phone_by_customer ON customer_phone (customer_num);

CREATE TABLE customer_source_key_by_num (
    source_system TEXT NOT NULL,
    source_key    TEXT NOT NULL,
    customer_num INTEGER NOT NULL REFERENCES customer (num) ON DELETE CASCADE,
    PRIMARY KEY (source_system, source_key, customer_num)
) WITHOUT ROWID;
INSERT INTO customer_source_key_by_num (source_system, source_key, customer_num)
SELECT l.source_system, l.source_key, c.num FROM customer_source_key l JOIN customer c ON c.id = l.customer_id;
DROP TABLE customer_source_key;
ALTER TABLE customer_source_key_by_num RENAME TO customer_source_key;
CREATE INDEX customer_source_key_by_customer ON customer_source_key (customer_num);

CREATE TABLE customer_email_by_num (
    email TEXT NOT NULL,
    customer_num INTEGER NOT NULL REFERENCES customer (num) ON DELETE CASCADE,
    PRIMARY KEY (email, customer_num)
) WITHOUT ROWID;
INSERT INTO customer_email_by_num (email, customer_num)
SELECT l.email, c.num FROM customer_email l JOIN customer c ON c.id = l.customer_id;
DROP TABLE customer_email;
ALTER TABLE customer_email_by_num RENAME TO customer_email;
CREATE INDEX customer_email_by_customer ON customer_email (customer_num);

CREATE TABLE customer_name_block_by_num (
    block_key TEXT NOT NULL,
    customer_num INTEGER NOT NULL REFERENCES customer (num) ON DELETE CASCADE,
    PRIMARY KEY (block_key, customer_num)
) WITHOUT ROWID;
INSERT INTO customer_name_block_by_num (block_key, customer_num)
SELECT l.block_key, c.num FROM customer_name_block l JOIN customer c ON c.id = l.customer_id;
DROP TABLE customer_name_block;
ALTER TABLE customer_name_block_by_num RENAME TO customer_name_block;
CREATE INDEX customer_name_block_by_customer ON customer_name_block (customer_num);
