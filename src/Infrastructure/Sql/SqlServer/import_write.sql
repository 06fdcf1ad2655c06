-- Writes the checked batch in the import's transaction: one MERGE per relation (a staged row replaces the row
-- with its id, others are inserted; replaced transactions were already removed by import_delete_transactions.sql),
-- then the data version moves on.
MERGE campaign.customers WITH (HOLDLOCK) AS target
USING #import_customers AS source ON target.customer_id = source.customer_id
WHEN MATCHED THEN
    UPDATE SET customer_name = source.customer_name, mobile = source.mobile, registration_date = source.registration_date
WHEN NOT MATCHED BY TARGET THEN
    INSERT (customer_id, customer_name, mobile, registration_date)
    VALUES (source.customer_id, source.customer_name, source.mobile, source.registration_date);

MERGE campaign.transactions WITH (HOLDLOCK) AS target
USING #import_transactions AS source ON target.transaction_id = source.transaction_id
WHEN MATCHED THEN
    UPDATE SET customer_id = source.customer_id, transaction_date = source.transaction_date,
               amount = source.amount, quantity = source.quantity, profit = source.profit
WHEN NOT MATCHED BY TARGET THEN
    INSERT (transaction_id, customer_id, transaction_date, amount, quantity, profit)
    VALUES (source.transaction_id, source.customer_id, source.transaction_date, source.amount, source.quantity, source.profit);

UPDATE campaign.data_version SET version = version + 1, updated_at = SYSUTCDATETIME();
