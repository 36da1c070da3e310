-- A customer's e-mail addresses and accounts are read only with the customer, never looked up by themselves, so
-- they live in the customer's row as JSON arrays (accounts in their wire shape) instead of a table row each: a first
-- sync of a million customers writes two values a customer where it wrote two or three rows and an index entry.
ALTER TABLE customer ADD COLUMN emails TEXT NOT NULL DEFAULT '[]';
ALTER TABLE customer ADD COLUMN accounts TEXT NOT NULL DEFAULT '[]';

UPDATE customer SET
    emails = coalesce((SELECT json_group_array(address ORDER BY position) FROM email WHERE customer_id = customer.id),
                      '[]'),
    accounts = coalesce((SELECT json_group_array(json_object(
                            'lineOfBusiness', line_of_business, 'sourceSystem', source_system, 'sourceKey', source_key,
                            'product', product, 'status', status, 'openedOn', opened_on)
                            ORDER BY opened_on, source_system, source_key)
                         FROM account WHERE customer_id = customer.id), '[]');

DROP TABLE email;
DROP TABLE account;
