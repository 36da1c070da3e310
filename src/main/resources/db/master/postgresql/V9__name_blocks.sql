-- What an import looks a person up by when no source key, phone or e-mail finds them: the family name with the
-- birth date, and the whole name (see PersonNames.nameBlocks). It replaces the family name with the given name's
-- initial, whose blocks held every namesake: thousands of rows read again for each chunk of an import.
-- Filled from the stored customers by the next migration, which normalises names the way the importer does.
DROP TABLE customer_family;

CREATE TABLE customer_name_block (
    block_key   TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (block_key, customer_id)
);
CREATE INDEX customer_name_block_by_customer ON customer_name_block (customer_id);
