-- Writes the checked batch: a staged row replaces the row with its id, others are inserted (customers with their
-- derived columns, see schema.sql); then the data version moves on. Runs inside the import's transaction, after
-- import_delete_transactions.sql has removed the transactions being replaced (in id ranges, so that the join
-- stays small for batches of millions), and before derived/customer_days_merge.sql.
-- DELETE ... USING is a join: the planner builds its hash table on the smaller side (not always the batch).
DELETE FROM campaign.customers AS c
USING campaign_import.customers AS s
WHERE c.customer_id = s.customer_id;

INSERT INTO campaign.customers (customer_id, customer_name, mobile, registration_date, mobile_digits, name_lower)
SELECT customer_id, customer_name, mobile, registration_date, translate(mobile, $mobile_ignored_characters, ''), lower(customer_name)
FROM campaign_import.customers;

INSERT INTO campaign.transactions (transaction_id, customer_id, transaction_date, amount, quantity, profit)
SELECT transaction_id, customer_id, transaction_date, amount, quantity, profit FROM campaign_import.transactions;

UPDATE campaign.data_version SET version = version + 1, updated_at = now()
