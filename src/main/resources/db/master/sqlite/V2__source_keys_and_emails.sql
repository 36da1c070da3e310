-- What an import finds customers by: the key a source system gave them, their e-mail addresses, and their family
-- name with the given name's initial (lower case, "ruiz|a"). Kept beside each customer body, as customer_phone is; filled here from the bodies stored.
CREATE TABLE customer_source_key (
    source_system TEXT NOT NULL,
    source_key    TEXT NOT NULL,
    customer_id   TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (source_system, source_key, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_source_key_by_customer ON customer_source_key (customer_id);

CREATE TABLE customer_email (
    email       TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (email, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_email_by_customer ON customer_email (customer_id);

CREATE TABLE customer_family (
    family_key  TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (family_key, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_family_by_customer ON customer_family (customer_id);

INSERT OR IGNORE INTO customer_source_key (source_system, source_key, customer_id)
SELECT json_extract(a.value, '$.sourceSystem'), json_extract(a.value, '$.sourceKey'), c.id
FROM customer c, json_each(c.body, '$.accounts') a;

INSERT OR IGNORE INTO customer_email (email, customer_id)
SELECT lower(trim(e.value)), c.id FROM customer c, json_each(c.body, '$.emails') e;

INSERT OR IGNORE INTO customer_family (family_key, customer_id)
SELECT lower(trim(json_extract(c.body, '$.familyName'))) || '|'
       || lower(substr(trim(coalesce(json_extract(c.body, '$.givenName'), '')), 1, 1)), c.id FROM customer c
WHERE json_extract(c.body, '$.familyName') IS NOT NULL;
