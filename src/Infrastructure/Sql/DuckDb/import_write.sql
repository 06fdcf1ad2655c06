-- Writes the checked batch: a staged row replaces the row with its id, others are inserted; then the data
-- version moves on. Runs inside the import's transaction.
DELETE FROM campaign.customers
WHERE customer_id IN (SELECT customer_id FROM campaign_import.customers);

INSERT INTO campaign.customers (customer_id, customer_name, mobile, registration_date)
SELECT customer_id, customer_name, mobile, registration_date FROM campaign_import.customers;

DELETE FROM campaign.transactions
WHERE transaction_id IN (SELECT transaction_id FROM campaign_import.transactions);

INSERT INTO campaign.transactions (transaction_id, customer_id, transaction_date, amount, quantity, profit)
SELECT transaction_id, customer_id, transaction_date, amount, quantity, profit FROM campaign_import.transactions;

UPDATE campaign.data_version SET version = version + 1, updated_at = now()
