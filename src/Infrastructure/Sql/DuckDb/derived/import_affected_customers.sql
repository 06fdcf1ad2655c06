-- The customers whose visits a batch at least as large as the visits already there recomputes
-- (derived/customer_days_refresh.sql): those of the staged customers and transactions, and of the transactions they
-- replaced (kept by import_delete_transactions.sql). Smaller batches are merged (derived/customer_days_merge.sql).
CREATE OR REPLACE TABLE campaign_import.affected_customers AS
SELECT customer_id FROM campaign_import.transactions
UNION
SELECT customer_id FROM campaign_import.customers
UNION
SELECT customer_id FROM campaign_import.replaced_transactions
