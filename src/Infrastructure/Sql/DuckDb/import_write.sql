-- Writes the checked batch: a staged row replaces the row with its id, others are inserted; then the data
-- version moves on. Runs inside the import's transaction.
-- DELETE ... USING is a join: the planner builds its hash table on the smaller side (not always the batch).
DELETE FROM campaign.customers AS c
USING campaign_import.customers AS s
WHERE c.customer_id = s.customer_id;

INSERT INTO campaign.customers (customer_id, customer_name, mobile, registration_date)
SELECT customer_id, customer_name, mobile, registration_date FROM campaign_import.customers;

DELETE FROM campaign.transactions AS t
USING campaign_import.transactions AS s
WHERE t.transaction_id = s.transaction_id;

INSERT INTO campaign.transactions (transaction_id, customer_id, transaction_date, amount, quantity, profit)
SELECT transaction_id, customer_id, transaction_date, amount, quantity, profit FROM campaign_import.transactions;

UPDATE campaign.data_version SET version = version + 1, updated_at = now()
